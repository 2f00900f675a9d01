extension TechnologyVocabularies {
    /// Defence, space, robotics and transportation.
    static let defence: [TechnologyVocabulary] = [
        entry(
            "advanced-aircraft-engines",
            [("Turbomachinery Performance and Stability", 2202), ("Combustion and flame dynamics", 2202)],
            [
                "gas turbine engine", "turbofan", "hypersonic", "scramjet", "ramjet", "combustor", "turbine blade",
                "axial compressor", "jet engine", "supersonic combustion", "engine inlet", "turbine cooling",
                "afterburner", "specific fuel consumption", "rotating detonation engine", "high-pressure turbine",
                "exhaust nozzle", "thermal protection system",
            ]),
        entry(
            "advanced-robotics",
            [("Robotic Mechanisms and Dynamics", 2207), ("Robot Manipulation and Learning", 1702)],
            [
                "robot", "robotic manipulator", "humanoid robot", "legged robot", "soft robotics", "robot grasping",
                "motion planning", "inverse kinematics", "exoskeleton", "robot control", "human-robot interaction",
                "trajectory planning", "impedance control", "dexterous manipulation", "quadruped robot",
                "end-effector", "robot learning", "mobile manipulator",
            ]),
        entry(
            "autonomous-systems-operation-technology",
            [("Autonomous Vehicle Technology and Safety", 2203), ("Robotic Path Planning Algorithms", 2207)],
            [
                "autonomous vehicle", "self-driving", "autonomous driving", "path planning",
                "autonomous decision-making", "sensor fusion", "LiDAR", "simultaneous localization and mapping",
                "SLAM", "collision avoidance", "autonomous navigation", "multi-agent system",
                "model predictive control", "motion prediction", "trajectory tracking", "vehicle-to-everything",
                "autonomous systems", "occupancy grid",
            ]),
        entry(
            "drones-swarming-and-collaborative-robots",
            [("UAV Applications and Optimization", 2202), ("Distributed Control Multi-Agent Systems", 2207)],
            [
                "unmanned aerial vehicle", "UAV", "drone", "quadrotor", "swarm robotics", "UAV swarm",
                "multi-robot system", "formation control", "collaborative robot", "cobot", "consensus control",
                "swarm intelligence", "cooperative path planning", "flocking", "multi-UAV",
                "multi-robot task allocation",
                "leader-follower formation", "drone delivery",
            ]),
        entry(
            "hypersonic-detection-and-tracking",
            [("Target Tracking and Data Fusion in Sensor Networks", 1711), ("Guidance and Control Systems", 2202)],
            [
                "hypersonic vehicle", "hypersonic glide vehicle", "maneuvering target tracking", "missile tracking",
                "infrared search and track", "early warning", "trajectory estimation", "space-based infrared",
                "boost-phase detection", "near-space vehicle", "interacting multiple model", "plasma sheath",
                "radar cross section", "track initiation", "ballistic missile defense", "unscented Kalman filter",
            ]),
        entry(
            "small-satellites",
            [("Spacecraft Design and Technology", 2202), ("Satellite Communication Systems", 1705)],
            [
                "small satellite", "CubeSat", "nanosatellite", "microsatellite", "satellite constellation",
                "low Earth orbit", "attitude determination and control", "on-board computer", "deorbiting",
                "satellite bus", "smallsat", "mega-constellation", "inter-satellite link", "formation flying",
                "orbit determination", "ground station", "picosatellite",
            ]),
        entry(
            "space-launch-systems",
            [("Rocket and propulsion systems research", 2202), ("Spacecraft and Cryogenic Technologies", 2202)],
            [
                "launch vehicle", "rocket engine", "reusable launch vehicle", "liquid rocket engine", "rocket staging",
                "thrust vector control", "payload fairing", "cryogenic propellant", "ascent trajectory",
                "first stage recovery", "combustion instability", "methane-oxygen engine", "solid rocket motor",
                "launch site", "rocket nozzle", "heavy-lift", "orbital insertion",
            ]),
        entry(
            "precision-agriculture",
            [("Smart Agriculture and AI", 1102), ("Remote Sensing in Agriculture", 1102)],
            [
                "precision agriculture", "yield prediction", "crop remote sensing", "variable rate application",
                "NDVI", "soil moisture sensing", "smart farming", "crop monitoring", "agricultural robot",
                "site-specific management", "plant phenotyping", "yield mapping", "agricultural drones",
                "irrigation scheduling", "weed detection", "crop disease detection", "precision irrigation",
            ]),
        entry(
            "air-independent-propulsion",
            [("Marine and Offshore Engineering Studies", 2212), ("Fuel Cells and Related Materials", 2102)],
            [
                "air-independent propulsion", "submarine", "Stirling engine", "fuel cell propulsion",
                "closed-cycle diesel", "underwater propulsion", "submarine fuel cell", "lithium-ion submarine battery",
                "submerged endurance", "MESMA", "hydrogen storage for submarines", "liquid oxygen storage",
                "conventional submarine", "underwater vehicle propulsion", "closed-cycle steam turbine",
            ]),
        entry(
            "autonomous-underwater-vehicles",
            [("Underwater Vehicles and Communication Systems", 2212), ("Robotic Path Planning Algorithms", 2207)],
            [
                "autonomous underwater vehicle", "AUV", "unmanned underwater vehicle", "underwater glider",
                "remotely operated vehicle", "underwater navigation", "underwater docking", "underwater path planning",
                "hydrodynamic modeling", "Doppler velocity log", "underwater SLAM", "ocean sampling",
                "underwater manipulation", "marine robotics", "depth control", "seafloor mapping",
            ]),
        entry(
            "electronic-warfare",
            [
                ("Radar Systems and Signal Processing", 1711),
                ("Electromagnetic Compatibility and Noise Suppression", 2208),
            ],
            [
                "electronic warfare", "jamming", "anti-jamming", "electronic countermeasures",
                "electronic support measures",
                "radar jamming", "deception jamming", "signal intelligence", "emitter identification",
                "specific emitter identification", "spectrum sensing", "direction finding",
                "cognitive electronic warfare",
                "electronic attack", "low probability of intercept", "interference suppression",
                "radar signal recognition",
            ]),
    ]
}
