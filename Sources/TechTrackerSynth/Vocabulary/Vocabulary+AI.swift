extension TechnologyVocabularies {
    /// Artificial intelligence, computing and related.
    static let artificialIntelligence: [TechnologyVocabulary] = [
        entry(
            "ai-algorithms-and-hardware-accelerators",
            [("Advanced Neural Network Applications", 1708), ("Neural Networks and Reservoir Computing", 1702)],
            [
                "hardware accelerator", "neural network accelerator", "FPGA", "neuromorphic computing",
                "in-memory computing", "systolic array", "tensor processing unit", "weight quantization",
                "model compression", "network pruning", "energy-efficient inference", "memristor",
                "spiking neural network", "dataflow architecture", "edge AI", "binary neural network",
                "processing-in-memory", "sparse neural networks", "AI chip",
            ]),
        entry(
            "advanced-data-analytics",
            [("Big Data and Business Intelligence", 1710), ("Data Mining Algorithms and Applications", 1710)],
            [
                "big data", "data analytics", "data mining", "visual analytics", "predictive analytics",
                "time series analysis", "anomaly detection", "clustering", "association rule mining", "data fusion",
                "Apache Spark", "Hadoop", "MapReduce", "data warehouse", "stream processing", "feature engineering",
                "dimensionality reduction", "knowledge discovery", "business intelligence",
            ]),
        entry(
            "advanced-integrated-circuit-design-and-fabrication",
            [("VLSI and Analog Circuit Testing", 2208), ("Semiconductor materials and devices", 2208)],
            [
                "integrated circuit", "CMOS", "FinFET", "gate-all-around", "extreme ultraviolet lithography",
                "EUV lithography", "VLSI", "chip design", "electronic design automation", "physical design",
                "3D integration", "through-silicon via", "chiplet", "process node", "transistor scaling",
                "analog-to-digital converter", "static timing analysis", "SRAM", "low-power design", "wafer",
            ]),
        entry(
            "adversarial-ai",
            [
                ("Adversarial Robustness in Machine Learning", 1702),
                ("Anomaly Detection Techniques and Applications", 1702),
            ],
            [
                "adversarial examples", "adversarial attack", "adversarial robustness", "adversarial training",
                "data poisoning", "backdoor attack", "evasion attack", "model extraction", "membership inference",
                "certified robustness", "adversarial perturbation", "robust machine learning", "black-box attack",
                "attack transferability", "gradient masking", "trojan attack", "adversarial defense",
            ]),
        entry(
            "machine-learning",
            [("Machine Learning and Algorithms", 1702), ("Neural Networks and Applications", 1702)],
            [
                "machine learning", "deep learning", "neural network", "support vector machine", "random forest",
                "gradient boosting", "reinforcement learning", "supervised learning", "unsupervised learning",
                "federated learning", "transfer learning", "convolutional neural network", "recurrent neural network",
                "graph neural network", "hyperparameter optimization", "training data", "overfitting", "meta-learning",
                "self-supervised learning", "ensemble learning",
            ]),
        entry(
            "natural-language-processing",
            [("Natural Language Processing Techniques", 1702), ("Topic Modeling", 1702)],
            [
                "natural language processing", "language model", "named entity recognition", "sentiment analysis",
                "machine translation", "text classification", "question answering", "word embeddings", "BERT",
                "transformer architecture", "tokenization", "part-of-speech tagging", "text summarization",
                "dialogue system", "information extraction", "pretrained language models", "semantic parsing",
                "annotated corpus", "speech recognition", "large language model",
            ]),
        entry(
            "computer-vision",
            [("Advanced Image and Video Retrieval Techniques", 1707), ("Advanced Neural Network Applications", 1707)],
            [
                "computer vision", "object detection", "image segmentation", "semantic segmentation",
                "image classification", "face recognition", "pose estimation", "object tracking", "YOLO",
                "visual feature extraction", "image recognition", "optical flow", "visual SLAM", "3D reconstruction",
                "instance segmentation", "person re-identification", "scene understanding", "image retrieval",
                "stereo matching", "action recognition",
            ]),
        entry(
            "generative-ai",
            [
                ("Generative Adversarial Networks and Image Synthesis", 1707),
                ("Explainable Artificial Intelligence (XAI)", 1702),
            ],
            [
                "generative AI", "generative adversarial network", "diffusion model", "large language model",
                "text-to-image generation", "variational autoencoder", "GPT", "ChatGPT", "prompt engineering",
                "image synthesis", "foundation model", "in-context learning", "instruction tuning", "hallucination",
                "neural style transfer", "denoising diffusion", "generative pre-trained transformer",
                "AI-generated content",
            ]),
    ]
}
