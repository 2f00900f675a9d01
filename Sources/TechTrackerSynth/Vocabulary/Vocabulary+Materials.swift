extension TechnologyVocabularies {
    /// Advanced materials and manufacturing.
    static let materials: [TechnologyVocabulary] = [
        entry(
            "additive-manufacturing",
            [
                ("Additive Manufacturing and 3D Printing Technologies", 2209),
                ("Additive Manufacturing Materials and Processes", 2506),
            ],
            [
                "additive manufacturing", "3D printing", "selective laser melting", "laser powder bed fusion",
                "fused deposition modeling", "directed energy deposition", "electron beam melting", "stereolithography",
                "binder jetting", "wire arc additive manufacturing", "as-built microstructure", "porosity defects",
                "build orientation", "layer-by-layer fabrication", "Ti-6Al-4V", "4D printing", "topology optimization",
                "melt pool",
            ]),
        entry(
            "advanced-composite-materials",
            [("Mechanical Behavior of Composites", 2211), ("Fiber-reinforced polymer composites", 2503)],
            [
                "carbon fiber reinforced polymer", "composite laminate", "fiber-reinforced composite",
                "interlaminar shear strength", "delamination", "ceramic matrix composite", "metal matrix composite",
                "glass fiber", "epoxy matrix", "fiber-matrix interface", "sandwich structure", "prepreg",
                "resin transfer molding", "aramid fiber", "carbon nanotube reinforcement", "impact damage tolerance",
                "thermoplastic composites", "fiber volume fraction",
            ]),
        entry(
            "advanced-explosives-and-energetic-materials",
            [("Energetic Materials and Combustion", 1606), ("Combustion and Detonation Processes", 2210)],
            [
                "energetic materials", "explosive", "detonation", "detonation velocity", "propellant", "RDX", "HMX",
                "CL-20", "TNT", "thermal decomposition kinetics", "impact sensitivity", "insensitive munitions",
                "nitramine", "solid rocket propellant", "combustion wave", "nanothermite", "energetic cocrystal",
                "shock initiation", "burning rate", "high-nitrogen compounds",
            ]),
        entry(
            "advanced-magnets-and-superconductors",
            [("Physics of Superconductivity and Magnetism", 3104), ("Magnetic Properties of Alloys", 2504)],
            [
                "superconductor", "high-temperature superconductor", "permanent magnet", "NdFeB magnet",
                "rare-earth magnet", "coercivity", "magnetic anisotropy", "critical current density", "YBCO",
                "iron-based superconductors", "superconducting tape", "MgB2", "superconducting transition temperature",
                "flux pinning", "Sm-Co magnets", "grain boundary diffusion", "coated conductors",
                "magnetocrystalline anisotropy",
            ]),
        entry(
            "advanced-protection",
            [("High-Velocity Impact and Material Behavior", 2211), ("Blast Wave Effects and Protection", 2213)],
            [
                "body armor", "ballistic protection", "ballistic impact", "armor ceramics", "blast mitigation",
                "bulletproof", "personal protective equipment", "ultra-high molecular weight polyethylene",
                "projectile penetration", "shear thickening fluid", "impact energy absorption", "spall liner",
                "protective helmet", "impact-resistant materials", "stab resistance", "Kevlar", "transparent armor",
                "blast wave",
            ]),
        entry(
            "coatings",
            [("Corrosion Behavior and Inhibition", 2508), ("Thermal Barrier Coatings and Properties", 2508)],
            [
                "coating", "thermal barrier coating", "anti-corrosion coating", "superhydrophobic coating",
                "thin film coating", "plasma spraying", "physical vapor deposition", "chemical vapor deposition",
                "wear-resistant coating", "self-healing coating", "antifouling coating", "sol-gel coating",
                "coating adhesion", "electroplating", "corrosion resistance", "atomic layer deposition",
                "hard coatings", "anti-icing coating",
            ]),
        entry(
            "continuous-flow-chemical-synthesis",
            [("Chemical Synthesis and Reactions", 1605), ("Microfluidic and Flow Chemistry", 1508)],
            [
                "continuous flow", "flow chemistry", "microreactor", "continuous manufacturing", "flow synthesis",
                "residence time", "packed-bed reactor", "process intensification", "telescoped synthesis",
                "microfluidic reactor", "photochemistry in flow", "continuous-flow hydrogenation", "inline analysis",
                "segmented flow", "automated synthesis platform", "flow process scale-up", "electrochemical flow cell",
            ]),
        entry(
            "critical-minerals-extraction-and-processing",
            [("Extraction and Separation Processes", 1508), ("Mineral Processing and Grinding", 1907)],
            [
                "critical minerals", "rare earth elements", "hydrometallurgy", "leaching", "solvent extraction",
                "froth flotation", "lithium extraction", "cobalt recovery", "mineral processing", "ore beneficiation",
                "bioleaching", "tailings", "pyrometallurgy", "ion exchange resin", "lithium brine",
                "magnetic separation", "metal recovery", "gangue minerals",
            ]),
        entry(
            "high-specification-machining-processes",
            [("Advanced machining processes and optimization", 2209), ("Advanced Surface Polishing Techniques", 2210)],
            [
                "machining", "ultra-precision machining", "surface roughness", "tool wear", "cutting force",
                "milling", "turning operation", "grinding", "electrical discharge machining", "laser machining",
                "chatter", "CNC machining", "micro-machining", "diamond turning", "cutting parameters",
                "machinability", "five-axis machining", "ultrasonic-assisted machining", "burr formation",
            ]),
        entry(
            "nanoscale-materials-and-manufacturing",
            [("Graphene research and applications", 2505), ("Nanomaterials and Nanofabrication", 2505)],
            [
                "nanoparticles", "nanomaterials", "graphene", "carbon nanotubes", "nanowires", "quantum dots",
                "two-dimensional materials", "MXene", "nanofabrication", "nanocomposite", "nanostructures",
                "self-assembly", "nanoimprint lithography", "metal-organic framework", "nanosheets", "electrospinning",
                "transition metal dichalcogenides", "nanocrystals", "atomic force microscopy",
            ]),
        entry(
            "novel-metamaterials",
            [("Metamaterials and Metasurfaces Applications", 2504), ("Acoustic Wave Phenomena Research", 3109)],
            [
                "metamaterial", "metasurface", "negative refractive index", "acoustic metamaterial",
                "invisibility cloak", "split-ring resonator", "electromagnetic bandgap", "mechanical metamaterial",
                "auxetic structure", "phononic crystal", "perfect absorber", "transformation optics",
                "Huygens metasurface", "chiral metamaterial", "hyperbolic metamaterial", "epsilon-near-zero",
                "coding metasurface",
            ]),
        entry(
            "smart-materials",
            [("Shape Memory Alloy Transformations", 2506), ("Advanced Sensor and Energy Harvesting Materials", 2504)],
            [
                "shape memory alloy", "shape memory polymer", "self-healing material", "piezoelectric material",
                "stimuli-responsive", "magnetostrictive", "electroactive polymer", "hydrogel actuator", "thermochromic",
                "smart material", "dielectric elastomer", "liquid crystal elastomer", "soft actuator",
                "programmable matter", "magnetorheological fluid", "electrochromic", "pH-responsive",
            ]),
        entry(
            "wide-and-ultrawide-bandgap-semiconductors",
            [
                ("GaN-based semiconductor devices and materials", 2504),
                ("Silicon Carbide Semiconductor Technologies", 2208),
            ],
            [
                "wide bandgap", "gallium nitride", "GaN", "silicon carbide", "SiC MOSFET", "gallium oxide", "Ga2O3",
                "ultrawide bandgap", "high electron mobility transistor", "AlGaN/GaN", "diamond semiconductor",
                "aluminum nitride", "power devices", "breakdown voltage", "Schottky barrier diode",
                "epitaxial growth", "MOCVD", "two-dimensional electron gas", "threshold voltage",
            ]),
    ]
}
