extension TechnologyVocabularies {
    /// Energy and environment.
    static let energy: [TechnologyVocabulary] = [
        entry(
            "biofuels",
            [("Biofuel production and bioconversion", 2103), ("Biodiesel Production and Applications", 2103)],
            [
                "biofuel", "biodiesel", "bioethanol", "transesterification", "lignocellulosic biomass",
                "biomass pretreatment", "biogas", "anaerobic digestion", "microalgae", "biomass pyrolysis", "bio-oil",
                "hydrothermal liquefaction", "enzymatic hydrolysis", "biobutanol", "renewable diesel",
                "biomass gasification", "sustainable aviation fuel",
            ]),
        entry(
            "directed-energy-technologies",
            [("Laser-Plasma Interactions and Diagnostics", 3107), ("Pulsed Power Technology Applications", 2208)],
            [
                "directed energy", "high-energy laser", "high-power microwave", "laser weapon",
                "high-power fiber laser",
                "beam combining", "coherent beam combining", "atmospheric laser propagation", "thermal blooming",
                "adaptive optics", "beam director", "particle beam", "pulsed power", "laser-induced damage",
                "power scaling", "spectral beam combining", "vircator",
            ]),
        entry(
            "electric-batteries",
            [("Advancements in Battery Materials", 2102), ("Advanced Battery Technologies Research", 2102)],
            [
                "lithium-ion battery", "solid-state electrolyte", "cathode material", "anode material",
                "solid electrolyte interphase", "sodium-ion battery", "lithium metal anode", "lithium-sulfur battery",
                "battery management system", "state of charge", "state of health", "capacity retention",
                "cycling stability", "electrolyte additive", "dendrite growth", "silicon anode",
                "layered oxide cathode", "LiFePO4", "zinc-ion battery", "coulombic efficiency",
            ]),
        entry(
            "hydrogen-and-ammonia-for-power",
            [("Electrocatalysts for Energy Conversion", 2105), ("Ammonia Synthesis and Nitrogen Reduction", 1606)],
            [
                "hydrogen production", "water electrolysis", "hydrogen evolution reaction", "oxygen evolution reaction",
                "ammonia synthesis", "hydrogen storage", "fuel cell", "solid oxide fuel cell", "ammonia cracking",
                "green hydrogen", "electrocatalyst", "proton exchange membrane electrolyzer", "Haber-Bosch",
                "ammonia combustion", "hydrogen gas turbine", "photocatalytic hydrogen evolution",
                "liquid organic hydrogen carrier", "nitrogen reduction reaction",
            ]),
        entry(
            "nuclear-energy",
            [("Nuclear reactor physics and engineering", 2104), ("Magnetic confinement fusion research", 3106)],
            [
                "nuclear reactor", "nuclear power plant", "small modular reactor", "fusion reactor", "tokamak",
                "fast reactor", "reactor core", "neutron flux", "fuel rod", "loss-of-coolant accident",
                "reactor thermal hydraulics", "plasma confinement", "molten salt reactor", "pressurized water reactor",
                "reactor safety", "neutronics", "reactor criticality", "fuel cladding",
            ]),
        entry(
            "nuclear-waste-management-and-recycling",
            [
                ("Radioactive element chemistry and processing", 1604),
                ("Nuclear materials and radiation effects", 2104),
            ],
            [
                "nuclear waste", "radioactive waste", "spent nuclear fuel", "geological repository", "vitrification",
                "fuel reprocessing", "actinide separation", "radionuclide migration", "nuclear waste form",
                "high-level waste", "decommissioning", "PUREX", "transmutation", "cesium adsorption",
                "uranium extraction", "bentonite buffer", "radioactive waste immobilization",
                "partitioning and transmutation",
            ]),
        entry(
            "photovoltaics",
            [("Perovskite Materials and Applications", 2105), ("Silicon and Solar Cell Technologies", 2208)],
            [
                "photovoltaic", "solar cell", "perovskite solar cell", "power conversion efficiency",
                "organic photovoltaics", "silicon solar cell", "tandem solar cell", "heterojunction solar cell",
                "open-circuit voltage", "fill factor", "hole transport layer", "electron transport layer",
                "dye-sensitized solar cell", "PERC", "PV module", "maximum power point tracking",
                "external quantum efficiency", "bifacial module",
            ]),
        entry(
            "supercapacitors",
            [("Supercapacitor Materials and Fabrication", 2102), ("Advanced battery technologies research", 2105)],
            [
                "supercapacitor", "electrochemical capacitor", "specific capacitance", "pseudocapacitance",
                "electric double-layer capacitor", "energy density", "power density", "activated carbon electrode",
                "hybrid supercapacitor", "asymmetric supercapacitor", "cyclic voltammetry",
                "galvanostatic charge-discharge", "MnO2 electrode", "micro-supercapacitor", "flexible supercapacitor",
                "capacitive electrode material", "porous carbon",
            ]),
        entry(
            "grid-integration-technologies",
            [("Smart Grid Energy Management", 2102), ("Microgrid Control and Optimization", 2207)],
            [
                "smart grid", "power grid", "renewable energy integration", "grid stability", "microgrid",
                "demand response", "energy storage system", "power system", "frequency regulation",
                "virtual power plant", "distributed generation", "grid-forming inverter", "HVDC", "optimal power flow",
                "vehicle-to-grid", "load forecasting", "voltage control", "economic dispatch",
            ]),
        entry(
            "geoengineering",
            [("Climate Change Policy and Economics", 2306), ("Carbon Dioxide Capture Technologies", 2305)],
            [
                "geoengineering", "solar radiation management", "carbon dioxide removal",
                "stratospheric aerosol injection", "direct air capture", "marine cloud brightening",
                "ocean iron fertilization", "enhanced weathering", "climate intervention",
                "carbon capture and storage", "BECCS", "albedo modification", "ocean alkalinity enhancement",
                "negative emissions", "cirrus cloud thinning", "afforestation",
            ]),
    ]
}
