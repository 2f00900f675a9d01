extension TechnologyVocabularies {
    /// Biotechnology, gene technologies and vaccines.
    static let biotechnology: [TechnologyVocabulary] = [
        entry(
            "biological-manufacturing",
            [
                ("Viral Infectious Diseases and Gene Expression in Insects", 1305),
                ("Microbial Metabolic Engineering and Bioproduction", 1305),
            ],
            [
                "biomanufacturing", "fermentation", "bioreactor", "bioprocess", "mammalian cell culture",
                "recombinant protein production", "downstream processing", "Chinese hamster ovary cells",
                "microbial cell factory", "product yield optimization", "fed-batch", "Escherichia coli expression",
                "Saccharomyces cerevisiae", "biocatalysis", "enzyme immobilization", "monoclonal antibody production",
                "upstream process", "product titer",
            ]),
        entry(
            "genetic-engineering",
            [("CRISPR and Genetic Engineering", 1311), ("Virus-based gene therapy research", 1312)],
            [
                "genetic engineering", "CRISPR", "CRISPR-Cas9", "genome editing", "gene editing", "base editing",
                "prime editing", "transgenic", "gene knockout", "TALEN", "zinc finger nuclease", "guide RNA",
                "homology-directed repair", "off-target effects", "gene therapy", "gene drive", "transgene",
                "knock-in", "Cas12a", "genetically modified",
            ]),
        entry(
            "genomic-sequencing-and-analysis",
            [("Genomics and Phylogenetic Studies", 1311), ("Single-cell and spatial transcriptomics", 1312)],
            [
                "genome sequencing", "next-generation sequencing", "whole-genome sequencing", "RNA-seq",
                "single-cell sequencing", "long-read sequencing", "genome assembly", "variant calling",
                "genome-wide association study", "transcriptome", "metagenomics", "nanopore sequencing",
                "exome sequencing", "single nucleotide polymorphism", "bioinformatics pipeline", "sequence alignment",
                "epigenome", "copy number variation", "read mapping",
            ]),
        entry(
            "novel-antibiotics-and-antivirals",
            [("Antimicrobial Resistance in Staphylococcus", 2404), ("Antiviral Agents and Drug Discovery", 3002)],
            [
                "antibiotic", "antimicrobial resistance", "antiviral", "antimicrobial peptide",
                "multidrug-resistant bacteria", "minimum inhibitory concentration", "beta-lactamase",
                "carbapenem-resistant", "MRSA", "bacteriophage therapy", "viral replication inhibitor",
                "protease inhibitor", "polymerase inhibitor", "drug resistance", "antibacterial activity", "biofilm",
                "nucleoside analogue", "broad-spectrum antiviral", "efflux pump",
            ]),
        entry(
            "nuclear-medicine-and-radiotherapy",
            [("Advanced Radiotherapy Techniques", 2741), ("Radiopharmaceutical Chemistry and Applications", 2741)],
            [
                "radiotherapy", "nuclear medicine", "proton therapy", "PET imaging", "SPECT", "radiopharmaceutical",
                "brachytherapy", "dose distribution", "intensity-modulated radiation therapy",
                "stereotactic body radiotherapy", "radionuclide therapy", "theranostics", "Lu-177", "F-18 FDG",
                "Monte Carlo dosimetry", "treatment planning", "radiation oncology", "FLASH radiotherapy",
                "Ga-68 PSMA",
            ]),
        entry(
            "synthetic-biology",
            [("Gene Regulatory Network Analysis", 1312), ("Microbial Metabolic Engineering and Bioproduction", 1305)],
            [
                "synthetic biology", "genetic circuit", "metabolic engineering", "genetically encoded biosensor",
                "cell-free system", "chassis organism", "directed evolution", "DNA synthesis",
                "synthetic gene network", "promoter engineering", "BioBrick", "minimal genome",
                "orthogonal translation", "xenobiology", "metabolic pathway optimization", "riboswitch",
                "synthetic genome", "design-build-test-learn",
            ]),
        entry(
            "vaccines-and-medical-countermeasures",
            [("SARS-CoV-2 and COVID-19 Research", 2725), ("Vaccine Development and Immunogenicity", 2403)],
            [
                "vaccine", "mRNA vaccine", "immunogenicity", "neutralizing antibodies", "adjuvant", "vaccine efficacy",
                "vaccination", "antigen", "viral vector vaccine", "subunit vaccine", "lipid nanoparticle delivery",
                "booster dose", "phase 3 vaccine trial", "medical countermeasures", "monoclonal antibody therapy",
                "T cell response", "live attenuated vaccine", "pandemic preparedness", "SARS-CoV-2", "herd immunity",
            ]),
        entry(
            "brain-computer-interfaces",
            [("EEG and Brain-Computer Interfaces", 2805), ("Neural dynamics and brain function", 2805)],
            [
                "brain-computer interface", "BCI", "electroencephalography", "EEG", "motor imagery", "P300 speller",
                "steady-state visual evoked potential", "SSVEP", "neural decoding", "electrocorticography",
                "neurofeedback", "event-related potential", "intracortical recording", "common spatial pattern",
                "brain signals", "mental workload", "neural interface",
            ]),
        entry(
            "neuroprosthetics",
            [("Neuroscience and Neural Engineering", 2204), ("Muscle activation and electromyography studies", 2204)],
            [
                "neuroprosthesis", "neuroprosthetics", "cochlear implant", "retinal prosthesis",
                "deep brain stimulation", "functional electrical stimulation", "spinal cord stimulation",
                "prosthetic limb", "microelectrode array", "sensory feedback", "peripheral nerve interface",
                "neural implant", "myoelectric control", "vagus nerve stimulation", "bionic hand",
                "targeted muscle reinnervation", "osseointegration",
            ]),
    ]
}
