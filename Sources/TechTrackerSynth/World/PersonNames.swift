/// Given and family names per name region, common enough that no one combination points at
/// a particular real person any more than "John Smith" does.
enum PersonNames {
    /// (given names, family names) for each `NameRegion`, in `NameRegion` order.
    static let byRegion: [(given: [String], family: [String])] = NameRegion.allCases.map { names(for: $0) }

    private static func names(for region: NameRegion) -> (given: [String], family: [String]) {
        switch region {
        case .chinese:
            return (
                [
                    "Wei", "Jing", "Li", "Yang", "Hao", "Xin", "Yu", "Jie", "Lei", "Min", "Tao", "Yan", "Chen", "Bo",
                    "Hui", "Qiang", "Xiaoming", "Jun", "Ying", "Zhiwei", "Lin", "Fang", "Peng", "Rui", "Yifan", "Shuai",
                ],
                [
                    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
                    "Zhu",
                    "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng",
                    "Deng",
                ]
            )
        case .indian:
            return (
                [
                    "Amit", "Priya", "Rahul", "Anjali", "Vikram", "Sneha", "Arjun", "Kavita", "Sanjay", "Deepak",
                    "Pooja", "Ravi", "Suresh", "Neha", "Anil", "Meera", "Rajesh", "Lakshmi", "Karthik", "Divya",
                ],
                [
                    "Sharma", "Kumar", "Singh", "Patel", "Gupta", "Reddy", "Iyer", "Nair", "Das", "Rao", "Mishra",
                    "Verma", "Joshi", "Mehta", "Chatterjee", "Banerjee", "Pillai", "Menon", "Agarwal", "Yadav",
                ]
            )
        case .japanese:
            return (
                [
                    "Hiroshi", "Takashi", "Yuki", "Kenji", "Akira", "Naoko", "Satoshi", "Yoko", "Kazuki", "Haruka",
                    "Daisuke", "Makoto", "Emi", "Shinji", "Tomoko", "Ryo", "Keiko", "Takuya",
                ],
                [
                    "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi",
                    "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi",
                ]
            )
        case .korean:
            return (
                [
                    "Min-jun", "Seo-yeon", "Ji-hoon", "Hye-jin", "Dong-hyun", "Soo-jin", "Jae-won", "Eun-ji",
                    "Sung-ho", "Young-mi", "Hyun-woo", "Ji-young", "Kyung-soo", "Mi-kyung", "Sang-woo",
                ],
                [
                    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Seo",
                    "Kwon", "Hwang", "Ahn", "Song", "Yoo",
                ]
            )
        case .anglo:
            return (
                [
                    "James", "Mary", "John", "Sarah", "Michael", "Emily", "David", "Jennifer", "Robert", "Laura",
                    "William", "Rachel", "Thomas", "Jessica", "Daniel", "Emma", "Andrew", "Hannah", "Christopher",
                    "Katherine", "Matthew", "Elizabeth", "Benjamin", "Olivia",
                ],
                [
                    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
                    "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
                    "Young", "Allen", "Wright", "Scott", "Green", "Baker", "Adams", "Campbell", "Mitchell", "Roberts",
                ]
            )
        case .german:
            return (
                [
                    "Thomas", "Andreas", "Stefan", "Katharina", "Michael", "Julia", "Markus", "Anna", "Matthias",
                    "Sabine", "Christian", "Lena", "Tobias", "Claudia", "Florian", "Sebastian", "Jonas", "Lukas",
                ],
                [
                    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
                ]
            )
        case .french:
            return (
                [
                    "Jean", "Marie", "Pierre", "Sophie", "Nicolas", "Camille", "Julien", "Claire", "Antoine",
                    "Isabelle", "Laurent", "Céline", "François", "Mathieu", "Élodie", "Olivier",
                ],
                [
                    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Fournier", "Girard", "Lambert",
                ]
            )
        case .italian:
            return (
                [
                    "Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Andrea", "Sara", "Matteo",
                    "Elena", "Giuseppe", "Valentina", "Stefano", "Paolo", "Federica", "Davide",
                ],
                [
                    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
                    "Bruno", "Gallo", "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo",
                ]
            )
        case .hispanic:
            return (
                [
                    "José", "María", "Carlos", "Ana", "Juan", "Laura", "Javier", "Lucía", "Miguel", "Carmen",
                    "Alejandro", "Sofía", "Diego", "Isabel", "Pablo", "Elena", "Fernando", "Andrea",
                ],
                [
                    "García", "Rodríguez", "González", "Fernández", "López", "Martínez",
                    "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz",
                    "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Torres",
                ]
            )
        case .portuguese:
            return (
                [
                    "João", "Ana", "Pedro", "Mariana", "Lucas", "Beatriz", "Rafael", "Juliana", "Gabriel",
                    "Fernanda", "Tiago", "Camila", "Bruno", "Larissa", "Rodrigo", "Patrícia",
                ],
                [
                    "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Rodrigues", "Almeida",
                    "Nascimento", "Lima", "Carvalho", "Gomes", "Ribeiro", "Martins", "Rocha",
                ]
            )
        case .slavic:
            return (
                [
                    "Alexander", "Elena", "Dmitry", "Olga", "Sergey", "Natalia", "Andrei", "Irina", "Piotr", "Anna",
                    "Tomasz", "Katarzyna", "Ivan", "Marta", "Pavel", "Jana", "Milan", "Tatiana",
                ],
                [
                    "Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Novak", "Kowalski", "Nowak", "Wiśniewski",
                    "Horvat", "Kovács", "Dvořák", "Popescu", "Jovanović", "Sokolov", "Volkov", "Lebedev", "Morozov",
                ]
            )
        case .arabic:
            return (
                [
                    "Mohammed", "Ahmed", "Fatima", "Ali", "Omar", "Aisha", "Hassan", "Mariam", "Khalid", "Yousef",
                    "Nour", "Ibrahim", "Layla", "Abdullah", "Mona", "Tarek", "Salma", "Karim",
                ],
                [
                    "Al-Harbi", "Al-Qahtani", "Hassan", "Mahmoud", "Ibrahim", "Abdelrahman", "El-Sayed", "Mansour",
                    "Haddad", "Khalil", "Saleh", "Nasser", "Farouk", "Benali", "Bouzid", "Al-Otaibi", "Rashid",
                ]
            )
        case .persian:
            return (
                [
                    "Ali", "Mohammad", "Reza", "Maryam", "Hossein", "Zahra", "Mehdi", "Fatemeh", "Amir", "Sara",
                    "Saeed", "Nasrin", "Hamid", "Leila", "Majid", "Parisa",
                ],
                [
                    "Ahmadi", "Hosseini", "Rezaei", "Mohammadi", "Karimi", "Moradi", "Rahimi", "Jafari", "Hashemi",
                    "Mousavi", "Sadeghi", "Ghasemi", "Kazemi", "Nazari", "Azizi", "Shirazi",
                ]
            )
        case .turkish:
            return (
                [
                    "Mehmet", "Ayşe", "Mustafa", "Fatma", "Ahmet", "Zeynep", "Emre", "Elif", "Burak", "Merve",
                    "Hakan", "Esra", "Murat", "Selin",
                ],
                [
                    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
                    "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara",
                ]
            )
        case .nordic:
            return (
                [
                    "Erik", "Anna", "Lars", "Karin", "Anders", "Maria", "Johan", "Ingrid", "Mikael", "Sofia", "Jens",
                    "Mette", "Henrik", "Kristin", "Mikko", "Aino",
                ],
                [
                    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsen", "Hansen", "Jensen",
                    "Nielsen", "Pedersen", "Olsen", "Berg", "Virtanen", "Korhonen", "Lindqvist", "Lundberg",
                ]
            )
        case .dutch:
            return (
                [
                    "Jan", "Sanne", "Pieter", "Lotte", "Joost", "Eva", "Bram", "Femke", "Maarten", "Iris", "Wouter",
                    "Anouk", "Koen", "Lieke",
                ],
                [
                    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
                    "de Boer", "Mulder", "de Groot", "Bos", "Peeters", "Maes", "Janssens",
                ]
            )
        case .greek:
            return (
                [
                    "Georgios", "Maria", "Dimitrios", "Eleni", "Konstantinos", "Katerina", "Nikolaos", "Sofia",
                    "Ioannis", "Anna", "Panagiotis", "Vasiliki",
                ],
                [
                    "Papadopoulos", "Papadakis", "Georgiou", "Nikolaou", "Vasileiou", "Karagiannis", "Dimitriou",
                    "Ioannou", "Oikonomou", "Christodoulou", "Makris", "Pappas",
                ]
            )
        case .hebrew:
            return (
                ["David", "Noa", "Yosef", "Tamar", "Avi", "Michal", "Eitan", "Yael", "Amir", "Shira", "Oren", "Maya"],
                [
                    "Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Shapiro", "Ben-David",
                    "Avraham", "Goldberg", "Rosenberg",
                ]
            )
        case .southeastAsian:
            return (
                [
                    "Nguyen", "Siti", "Ahmad", "Thanh", "Budi", "Nurul", "Somchai", "Linh", "Aziz", "Dewi", "Minh",
                    "Suda", "Hafiz", "Putri",
                ],
                [
                    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Abdullah", "Ismail", "Rahman", "Santoso", "Wijaya",
                    "Saputra", "Suwannarat", "Chaiyaphum", "Hashim", "Vo", "Dang",
                ]
            )
        case .southAsianMuslim:
            return (
                [
                    "Muhammad", "Ayesha", "Usman", "Fatima", "Imran", "Sana", "Bilal", "Hina", "Tariq", "Nadia",
                    "Rashed", "Farhana", "Asif", "Sadia",
                ],
                [
                    "Khan", "Ahmed", "Hussain", "Ali", "Iqbal", "Malik", "Rahman", "Chowdhury", "Islam", "Hossain",
                    "Qureshi", "Butt", "Akhtar", "Siddiqui",
                ]
            )
        case .african:
            return (
                [
                    "Oluwaseun", "Chinedu", "Ngozi", "Thabo", "Nomvula", "Emeka", "Adebayo", "Zanele", "Sipho",
                    "Amara", "Kwame", "Ifeoma", "Pieter", "Lindiwe",
                ],
                [
                    "Okafor", "Adeyemi", "Nwosu", "Okonkwo", "Mokoena", "Dlamini", "Nkosi", "Botha", "van der Merwe",
                    "Eze", "Oyelaran", "Ndlovu", "Mensah", "Naidoo",
                ]
            )
        }
    }
}
