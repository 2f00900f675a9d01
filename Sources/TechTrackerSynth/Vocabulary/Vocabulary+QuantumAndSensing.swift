extension TechnologyVocabularies {
    /// Quantum.
    static let quantum: [TechnologyVocabulary] = [
        entry(
            "post-quantum-cryptography",
            [("Cryptography and Data Security", 1703), ("Coding theory and cryptography", 2604)],
            [
                "post-quantum cryptography", "lattice-based cryptography", "learning with errors",
                "code-based cryptography", "hash-based signatures", "isogeny-based cryptography",
                "multivariate cryptography", "key encapsulation mechanism", "NTRU", "CRYSTALS-Kyber", "Dilithium",
                "quantum-resistant", "digital signature scheme", "ring-LWE", "NIST standardization",
                "side-channel resistance", "public-key encryption",
            ]),
        entry(
            "quantum-communication",
            [("Quantum Information and Cryptography", 3107), ("Quantum optics and atomic interactions", 3107)],
            [
                "quantum key distribution", "quantum communication", "entanglement distribution", "quantum repeater",
                "quantum teleportation", "BB84", "continuous-variable QKD", "measurement-device-independent",
                "quantum network", "single-photon source", "quantum memory", "entangled photons", "satellite-based QKD",
                "decoy state", "quantum internet", "twin-field QKD", "secret key rate",
            ]),
        entry(
            "quantum-computing",
            [
                ("Quantum Computing Algorithms and Architecture", 3107),
                ("Quantum and electron transport phenomena", 3104),
            ],
            [
                "quantum computing", "qubit", "superconducting qubits", "quantum error correction", "quantum circuit",
                "trapped ions", "quantum annealing", "variational quantum eigensolver", "quantum algorithm",
                "quantum supremacy", "quantum gate", "surface code", "quantum processor", "qubit decoherence", "NISQ",
                "quantum approximate optimization algorithm", "topological qubit", "quantum volume",
                "fault-tolerant quantum computation", "Shor's algorithm",
            ]),
        entry(
            "quantum-sensors",
            [("Atomic and Subatomic Physics Research", 3107), ("Diamond and Carbon-based Materials Research", 3104)],
            [
                "quantum sensing", "quantum sensor", "nitrogen-vacancy center", "NV center", "quantum metrology",
                "atom interferometer", "squeezed light", "spin ensemble", "Heisenberg limit",
                "optically pumped magnetometer", "quantum-enhanced sensing", "Ramsey interferometry", "cold atoms",
                "quantum Fisher information", "entanglement-enhanced measurement", "diamond magnetometry",
            ]),
    ]

    /// Sensing, timing and navigation.
    static let sensing: [TechnologyVocabulary] = [
        entry(
            "atomic-clocks",
            [("Atomic and Molecular Physics", 3107), ("Advanced Frequency and Time Standards", 3105)],
            [
                "atomic clock", "optical clock", "optical lattice clock", "frequency standard", "cesium fountain",
                "hydrogen maser", "frequency stability", "Allan deviation", "clock transition",
                "optical frequency comb",
                "ion clock", "chip-scale atomic clock", "rubidium clock", "time transfer",
                "coherent population trapping", "fractional frequency uncertainty", "timekeeping",
            ]),
        entry(
            "gravitational-force-sensors",
            [("Geophysics and Gravity Measurements", 1908), ("Pulsars and Gravitational Waves Research", 3103)],
            [
                "gravimeter", "gravity gradiometer", "gravimetry", "gravitational wave detector", "absolute gravimeter",
                "superconducting gravimeter", "gravity anomaly", "torsion balance", "MEMS gravimeter", "gravity field",
                "satellite gravimetry", "atom gravimeter", "microgravity measurement", "proof mass", "gravity survey",
            ]),
        entry(
            "inertial-navigation-systems",
            [("Inertial Sensor and Navigation", 2202), ("Advanced MEMS and NEMS Technologies", 2208)],
            [
                "inertial navigation", "inertial measurement unit", "gyroscope", "MEMS gyroscope",
                "fiber optic gyroscope", "ring laser gyroscope", "strapdown inertial navigation",
                "INS/GNSS integration", "dead reckoning", "attitude estimation", "initial alignment",
                "bias instability", "MEMS accelerometer", "pedestrian dead reckoning", "inertial error compensation",
                "navigation accuracy", "extended Kalman filter",
            ]),
        entry(
            "magnetic-field-sensors",
            [("Magnetic Field Sensors Techniques", 2208), ("Magnetic properties of thin films", 3104)],
            [
                "magnetic sensor", "magnetometer", "fluxgate magnetometer", "Hall sensor", "magnetoresistance",
                "giant magnetoresistance", "tunnel magnetoresistance", "SQUID", "magnetic field sensing",
                "magnetoelectric sensor", "anisotropic magnetoresistance", "magnetic anomaly detection", "spin valve",
                "low-frequency noise", "magnetic field resolution", "vector magnetometer",
            ]),
        entry(
            "multispectral-and-hyperspectral-imaging-sensors",
            [("Remote-Sensing Image Classification", 1707), ("Spectroscopy and Chemometric Analyses", 1602)],
            [
                "hyperspectral imaging", "multispectral imaging", "hyperspectral image classification",
                "spectral unmixing", "spectral bands", "hyperspectral sensor", "band selection", "endmember extraction",
                "spectral-spatial features", "imaging spectrometer", "snapshot spectral imaging",
                "hyperspectral remote sensing", "spectral resolution", "multispectral camera", "pansharpening",
                "spectral reflectance",
            ]),
        entry(
            "photonic-sensors",
            [("Advanced Fiber Optic Sensors", 3107), ("Plasmonic and Surface Plasmon Research", 2504)],
            [
                "fiber Bragg grating", "optical fiber sensor", "surface plasmon resonance", "photonic crystal fiber",
                "distributed fiber sensing", "refractive index sensor", "whispering gallery mode",
                "interferometric sensor", "Fabry-Perot interferometer", "optical biosensor",
                "Mach-Zehnder interferometer", "Brillouin scattering", "Raman sensing", "microring resonator",
                "plasmonic sensor", "optical strain sensing",
            ]),
        entry(
            "radar",
            [
                ("Radar Systems and Signal Processing", 1711),
                ("Synthetic Aperture Radar (SAR) Applications and Techniques", 1711),
            ],
            [
                "radar", "synthetic aperture radar", "SAR imaging", "MIMO radar", "radar signal processing",
                "radar target detection", "clutter suppression", "Doppler radar", "frequency-modulated continuous-wave",
                "FMCW radar", "ground moving target indication", "inverse synthetic aperture radar",
                "phased array radar", "radar waveform design", "constant false alarm rate", "automotive radar",
                "over-the-horizon radar", "space-time adaptive processing",
            ]),
        entry(
            "satellite-positioning-and-navigation",
            [("GNSS positioning and interference", 1711), ("Ionosphere and magnetosphere dynamics", 1908)],
            [
                "GNSS", "GPS", "BeiDou", "Galileo system", "precise point positioning", "real-time kinematic",
                "satellite navigation", "positioning accuracy", "ionospheric delay", "multipath mitigation",
                "GNSS receiver", "carrier phase", "satellite clock bias", "GNSS spoofing", "pseudorange",
                "integrity monitoring", "tropospheric delay",
            ]),
        entry(
            "sonar-and-acoustic-sensors",
            [("Underwater Acoustics Research", 2212), ("Acoustic Wave Phenomena Research", 3109)],
            [
                "sonar", "synthetic aperture sonar", "hydrophone", "acoustic sensor", "side-scan sonar",
                "passive sonar",
                "active sonar", "underwater acoustic target recognition", "acoustic vector sensor", "sonar beamforming",
                "sound source localization", "acoustic emission", "ultrasonic transducer", "towed array",
                "multibeam echosounder", "MEMS microphone", "underwater acoustic signal",
            ]),
    ]
}
