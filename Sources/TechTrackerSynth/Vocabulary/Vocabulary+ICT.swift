extension TechnologyVocabularies {
    /// Advanced information and communication technologies.
    static let ict: [TechnologyVocabulary] = [
        entry(
            "advanced-optical-communication",
            [("Optical Network Technologies", 2208), ("Advanced Photonic Communication Systems", 3107)],
            [
                "optical communication", "optical fiber", "coherent optical transmission",
                "wavelength division multiplexing", "free-space optical communication", "space-division multiplexing",
                "few-mode fiber", "multicore fiber", "optical transceiver", "silicon photonics transceiver",
                "coherent receiver", "erbium-doped fiber amplifier", "visible light communication",
                "orbital angular momentum multiplexing", "optical OFDM", "Kerr nonlinearity compensation",
                "passive optical network", "probabilistic constellation shaping", "optical interconnect", "LiFi",
            ]),
        entry(
            "advanced-radiofrequency-communication",
            [("Advanced MIMO Systems Optimization", 1705), ("Millimeter-Wave Propagation and Modeling", 2208)],
            [
                "5G", "6G", "massive MIMO", "millimeter-wave communication", "terahertz communication", "beamforming",
                "reconfigurable intelligent surface", "non-orthogonal multiple access", "OFDM", "channel estimation",
                "cell-free massive MIMO", "hybrid precoding", "integrated sensing and communication",
                "spectral efficiency", "base station", "radio access network", "full-duplex radio", "cognitive radio",
                "antenna array", "ultra-reliable low-latency communication", "physical layer security",
            ]),
        entry(
            "advanced-undersea-wireless-communication",
            [("Underwater Acoustics Research", 2212), ("Underwater Vehicles and Communication Systems", 1705)],
            [
                "underwater acoustic communication", "underwater wireless sensor network",
                "underwater optical wireless communication", "underwater acoustic channel", "Doppler compensation",
                "acoustic modem", "underwater acoustic network", "blue-green laser communication",
                "magnetic induction communication", "multipath underwater channel", "underwater localization",
                "time-reversal communication", "underwater OFDM", "subsea communication", "seawater attenuation",
                "underwater Internet of Things", "hydroacoustic link",
            ]),
        entry(
            "distributed-ledgers",
            [("Blockchain Technology Applications and Security", 1710), ("Cryptography and Data Security", 1705)],
            [
                "blockchain", "distributed ledger", "smart contract", "consensus protocol", "proof of work",
                "proof of stake", "Byzantine fault tolerance", "Ethereum", "Bitcoin", "cryptocurrency",
                "decentralized finance", "blockchain sharding", "permissioned blockchain", "Hyperledger Fabric",
                "Merkle tree", "non-fungible token", "layer-2 scaling", "decentralized applications",
                "transaction throughput",
            ]),
        entry(
            "high-performance-computing",
            [
                ("Parallel Computing and Optimization Techniques", 1708),
                ("Distributed and Parallel Computing Systems", 1705),
            ],
            [
                "high-performance computing", "supercomputer", "exascale computing", "parallel computing", "MPI",
                "GPU acceleration", "message passing", "parallel file system", "dynamic load balancing",
                "heterogeneous computing", "scientific computing", "batch job scheduling", "interconnect network",
                "OpenMP", "strong scaling", "weak scaling", "HPC cluster", "domain decomposition",
                "performance portability", "many-core processors",
            ]),
        entry(
            "mesh-and-infrastructure-independent-networks",
            [("Mobile Ad Hoc Networks", 1705), ("Opportunistic and Delay-Tolerant Networks", 1705)],
            [
                "mesh network", "mobile ad hoc network", "MANET", "vehicular ad hoc network", "delay-tolerant network",
                "multi-hop routing", "wireless mesh network", "flying ad hoc network", "ad hoc routing protocol",
                "AODV", "OLSR", "device-to-device communication", "opportunistic networking",
                "self-organizing network", "topology control", "node mobility", "infrastructure-less network",
            ]),
        entry(
            "protective-cybersecurity-technologies",
            [("Network Security and Intrusion Detection", 1705), ("Advanced Malware Detection Techniques", 1711)],
            [
                "intrusion detection system", "malware detection", "cybersecurity", "anomaly-based intrusion detection",
                "network security", "phishing detection", "ransomware", "vulnerability detection",
                "security information and event management", "zero trust architecture", "access control",
                "botnet detection", "DDoS attack", "honeypot", "firewall", "threat intelligence",
                "software vulnerability", "fuzzing", "side-channel attack", "authentication protocol",
            ]),
        entry(
            "cloud-and-edge-computing",
            [("IoT and Edge/Fog Computing", 1705), ("Cloud Computing and Resource Management", 1708)],
            [
                "cloud computing", "edge computing", "fog computing", "mobile edge computing", "computation offloading",
                "virtual machine", "containerization", "serverless computing", "cloud resource allocation",
                "task scheduling", "virtualization", "Kubernetes", "data center", "service level agreement",
                "multi-access edge computing", "microservices", "cloud storage", "workload consolidation",
                "latency-aware offloading",
            ]),
        entry(
            "digital-twins",
            [("Digital Transformation in Industry", 2209), ("Manufacturing Process and Optimization", 2209)],
            [
                "digital twin", "cyber-physical system", "virtual replica", "predictive maintenance",
                "real-time synchronization", "asset management", "physics-based simulation model", "Industry 4.0",
                "smart manufacturing", "product lifecycle management", "digital thread", "condition monitoring",
                "virtual commissioning", "building information modeling", "model updating", "hybrid modeling",
            ]),
        entry(
            "extended-reality",
            [("Virtual Reality Applications and Impacts", 1709), ("Augmented Reality Applications", 1709)],
            [
                "virtual reality", "augmented reality", "mixed reality", "extended reality", "head-mounted display",
                "immersive environment", "haptic feedback", "sense of presence", "cybersickness", "metaverse",
                "gaze tracking", "spatial computing", "6DoF tracking", "stereoscopic rendering", "telepresence",
                "virtual environment", "AR headset",
            ]),
    ]
}
