"""Generate N realistic, distinct French news articles about the AI industry, deterministically.

Article i depends only on (seed, i), so the 1,000-article corpus is the first 1,000 lines of the
10,000-article one. About a third of the articles report a departure (resignation, dismissal, plain
departure) or a team dissolution; the rest are funding, product, partnership, hiring, regulation
news, rumours and denials (which must not become departures).

    python benchmarks/make_corpus.py --count 1000 --out benchmarks/out/corpus-1000.jsonl
    python benchmarks/make_corpus.py --count 200 --format md --out benchmarks/out/corpus-md/
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

DEFAULT_SEED = 20240517


def words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = words(
    """Camille Léa Manon Chloé Inès Jade Louise Alice Lina Emma Juliette Clara Zoé
Margaux Anaïs Élodie Sarah Nora Yasmine Amélie Salomé Maëlle Garance Ophélie Solène Bérénice
Hélène Agathe Romane Capucine Lucas Hugo Louis Gabriel Arthur Jules Nathan Raphaël Théo Adam
Mathis Paul Victor Antoine Maxime Baptiste Clément Julien Thomas Nicolas Quentin Bastien Florian
Romain Aurélien Yanis Karim Mehdi Samir Omar Idriss Malik Rayan Priya Anjali Ravi Arjun Wei Lin
Mei Jun Hiroshi Yuki Kenji Aiko Sven Ingrid Lars Freya Matteo Giulia Lorenzo Chiara Diego Lucía
Pablo Inés Tomasz Agnieszka Olga Dmitri Ana Joaquim Beatriz Kwame Amara Tendai Zanele Noam Yael
Elif Emre Aylin Siobhan Declan Niamh Rhys Ffion Marek Jana Anouk Joris Fleur Sanne"""
)

LAST_NAMES = words(
    """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon
Laurent Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard Andre Mercier
Dupont Lambert Bonnet Francois Martinez Legrand Garnier Faure Rousseau Blanc Guerin Muller Henry
Roussel Nicolas Perrin Morin Mathieu Clement Gauthier Dumont Lopez Fontaine Chevalier Robin
Masson Sanchez Gerard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noel Meyer
Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt
Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois
Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier Rodriguez Kovacs
Nakamura Tanaka Sato Okafor Mensah Haddad Benali Kaddour Chaouch Rahmani Iyer Raman Sharma Patel
Kapoor Zhang Wang Chen Liu Huang Zhao Kowalski Nowak Novak Horvat Jensen Nielsen Larsen Berg
Lindqvist Rossi Bianchi Romano Esposito Ferreira Santos Oliveira Costa Almeida Herrera Navarro
Ortega Castillo Morales Okonkwo Adeyemi Dlamini Cohen Levi Yilmaz Kaya Demir Murphy Kelly
Byrne Walsh Evans Hughes Novotny Dvorak Janssens Peeters Vermeulen Brunel Delmas Carpentier
Lagarde Vasseur Hamon Kerbrat Quéré Tessier Besson Marchal Prevost Charpentier Guillot"""
)

# Labs the gazetteer knows, and invented ones that only spaCy's NER can find.
KNOWN_LABS = [
    "OpenAI",
    "Anthropic",
    "Google DeepMind",
    "Meta",
    "Microsoft",
    "xAI",
    "Mistral AI",
    "Hugging Face",
    "Kyutai",
    "LightOn",
    "H Company",
    "Cohere",
    "Stability AI",
    "Aleph Alpha",
    "Poolside",
    "Scale AI",
    "Perplexity",
    "Apple",
    "Amazon",
    "Nvidia",
    "Inflection AI",
    "Safe Superintelligence",
    "Thinking Machines Lab",
    "Runway",
    "Midjourney",
]
LAB_STEMS = words(
    """Lumen Orion Néréide Vektor Calypso Aurore Helix Borealis Cortexa Sirius Altaïr
Vesper Mistral-Nord Quanta Kairos Sémaphore Arcadia Pléiade Zéphyr Halcyon Obsidienne Cassiopée
Nova Vireo Solstice Atlas Tessera Lyra Andromède Kestrel Opaline Ariane Boréade Cobalt Ondine
Séquoia Albatros Comète Argos Phébus"""
)
LAB_SUFFIXES = ["Labs", "AI", "IA", "Intelligence", "Research", "Systems", "Technologies"]

ROLES = [
    "chercheuse en sécurité",
    "chercheur en alignement",
    "directeur scientifique",
    "directrice technique",
    "vice-président de la recherche",
    "vice-présidente produit",
    "responsable de l'équipe d'alignement",
    "cofondateur",
    "cofondatrice",
    "directeur des opérations",
    "directrice de la politique publique",
    "chef de produit",
    "ingénieure principale",
    "responsable de la sûreté des modèles",
    "directeur de la communication",
    "responsable de l'infrastructure",
]

TEAMS = [
    "l'équipe de superalignement",
    "son équipe d'éthique",
    "la division robotique",
    "le pôle IA responsable",
    "l'équipe chargée de la sûreté des modèles",
    "le groupe de recherche fondamentale",
    "son équipe éthique et société",
    "la cellule de veille sur les risques",
    "l'équipe de préparation à l'AGI",
    "le département d'interprétabilité",
]

INVESTORS = [
    "Sequoia Capital",
    "Andreessen Horowitz",
    "Bpifrance",
    "General Catalyst",
    "Lightspeed",
    "Index Ventures",
    "Eurazeo",
    "Partech",
    "Salesforce Ventures",
    "SoftBank",
    "Accel",
    "Elaia",
]

CITIES = ["Paris", "Londres", "San Francisco", "Zurich", "Berlin", "Montréal", "Toronto", "Lyon"]
MODEL_STEMS = ["Aria", "Nimbus", "Kestrel", "Lumo", "Vega", "Atlas", "Orca", "Pixel", "Echo"]
MONTHS = words(
    """janvier février mars avril mai juin juillet août septembre octobre novembre
décembre"""
)
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
OUTLETS = ["Les Échos", "Le Monde", "L'Usine Digitale", "Maddyness", "The Information", "Bloomberg"]

FILLER = [
    "Le secteur de l'intelligence artificielle générative connaît une concurrence féroce depuis "
    "plusieurs trimestres.",
    "Les laboratoires rivalisent pour attirer les meilleurs profils, avec des rémunérations qui "
    "dépassent parfois le million de dollars par an.",
    "Selon plusieurs analystes, la course aux modèles de frontière exige des investissements en "
    "calcul toujours plus importants.",
    "La question de la sûreté des modèles reste au cœur des débats entre chercheurs et dirigeants.",
    "À {city}, l'écosystème des jeunes pousses spécialisées dans l'IA continue de se densifier.",
    "Les régulateurs européens suivent de près ces évolutions, à l'approche de l'entrée en "
    "vigueur de l'AI Act.",
    "Le marché des puces spécialisées reste tendu, ce qui pèse sur les coûts d'entraînement.",
    "Plusieurs clients du secteur bancaire ont déjà testé ces outils en interne.",
    "La société emploie désormais environ {staff} personnes, réparties entre {city} et {city2}.",
    "Les revenus annuels récurrents auraient progressé de {pct} % sur un an.",
    "Cette annonce intervient dans un contexte de forte valorisation des acteurs du secteur.",
    "Les chercheurs interrogés évoquent une tension croissante entre recherche et produit.",
    "Le modèle est proposé en accès libre pour la recherche, mais sous licence commerciale pour "
    "les entreprises.",
    "Des associations de défense des droits numériques ont réclamé davantage de transparence.",
    "Les performances annoncées restent difficiles à vérifier de manière indépendante.",
    "L'entreprise affirme vouloir doubler ses capacités de calcul d'ici la fin de l'année.",
    "Contactée, la direction n'a pas souhaité commenter davantage.",
    "Ce mouvement illustre la recomposition rapide du paysage de l'IA en Europe et aux États-Unis.",
    "Les syndicats du secteur technologique suivent ces réorganisations avec attention.",
    "La start-up revendique plus de {users} millions d'utilisateurs actifs chaque mois.",
    "Le conseil d'administration s'est réuni à plusieurs reprises ces dernières semaines.",
    "Les investisseurs attendent désormais des preuves concrètes de rentabilité.",
    "Plusieurs partenariats industriels sont en cours de négociation, selon {outlet}.",
    "Le laboratoire publie régulièrement ses travaux dans les grandes conférences du domaine.",
    "La feuille de route prévoit une nouvelle version du modèle au second semestre.",
    "Les équipes d'ingénierie ont été renforcées à {city} au cours des derniers mois.",
    "Le coût d'entraînement du prochain modèle est estimé à {amount}.",
    "En bourse, les valeurs liées aux semi-conducteurs ont gagné {small} % dans la séance.",
    "Un porte-parole a indiqué que les travaux se poursuivraient « sans interruption ».",
    "La concurrence chinoise, portée par des modèles ouverts, oblige les acteurs occidentaux à "
    "revoir leurs prix.",
    "Les entreprises clientes réclament surtout des garanties sur la confidentialité des données.",
    "Le centre de données prévu près de {city} doit entrer en service dans {small} mois.",
    "D'anciens employés décrivent une culture d'entreprise exigeante, parfois épuisante.",
    "Le nombre d'offres d'emploi en apprentissage automatique a progressé de {pct} % en un an.",
    "Les universités peinent à retenir leurs doctorants face aux salaires du privé.",
    "L'agence de notation a relevé sa perspective pour l'ensemble du secteur.",
    "Une conférence réunira les principaux acteurs à {city} le mois prochain.",
    "Le gouvernement a promis un plan de soutien de {amount} pour la recherche publique.",
    "Les modèles de petite taille gagnent du terrain pour les usages embarqués.",
    "Des tests indépendants ont relevé des erreurs factuelles dans {small} % des réponses.",
]


def de(name: str) -> str:
    """'de' before a name, elided before a vowel: "d'Omar", "de Camille"."""
    return f"d'{name}" if name[0].lower() in "aeiouyéèêâîôûh" else f"de {name}"


class Article:
    """One generated article: text plus the metadata a JSONL dump or front matter carries."""

    def __init__(self, index: int, seed: int, salt: int = 0):
        self.index = index
        self.rng = random.Random(f"{seed}:{index}:{salt}" if salt else f"{seed}:{index}")
        year = self.rng.choice([2021, 2022, 2023, 2023, 2024, 2024, 2024, 2025, 2025])
        self.published = datetime.date(year, 1, 1) + datetime.timedelta(
            days=self.rng.randrange(365)
        )
        self.kind = self._pick_kind()
        self.lab = self.pick_lab()
        self.paragraphs: list[str] = []
        self.title = ""
        self.filler_deck: list[str] = []

    def _pick_kind(self) -> str:
        roll = self.rng.random()
        if roll < 0.26:
            return "departure"
        if roll < 0.34:
            return "dissolution"
        return self.rng.choice(
            ["funding", "product", "partnership", "hiring", "regulation", "rumour", "denial"]
        )

    # --- picking things

    def person(self) -> str:
        first = self.rng.choice(FIRST_NAMES)
        last = self.rng.choice(LAST_NAMES)
        if self.rng.random() < 0.08:
            last = f"{last}-{self.rng.choice(LAST_NAMES)}"
        return f"{first} {last}"

    def pick_lab(self, avoid: str | None = None) -> str:
        while True:
            if self.rng.random() < 0.55:
                lab = self.rng.choice(KNOWN_LABS)
            else:
                lab = f"{self.rng.choice(LAB_STEMS)} {self.rng.choice(LAB_SUFFIXES)}"
            if lab != avoid:
                return lab

    def date_phrase(self) -> str:
        """A date expression before the publication date, in one of the ways the press writes."""
        back = self.rng.randrange(1, 60)
        day = self.published - datetime.timedelta(days=back)
        month = MONTHS[day.month - 1]
        choices = [
            f"le {day.day} {month}",
            f"le {day.day} {month} {day.year}",
            f"en {month} {day.year}",
            f"{WEEKDAYS[day.weekday()]} dernier" if back < 7 else f"début {month}",
            "la semaine dernière" if back < 14 else f"mi-{month}",
            "hier" if back == 1 else f"le {day.day} {month}",
        ]
        return self.rng.choice(choices)

    def fill(self, template: str) -> str:
        city, city2 = self.rng.sample(CITIES, 2)
        return template.format(
            city=city,
            city2=city2,
            staff=self.rng.randrange(40, 4000),
            pct=self.rng.randrange(12, 240),
            users=self.rng.randrange(2, 300),
            outlet=self.rng.choice(OUTLETS),
            amount=self.amount(),
            small=self.rng.randrange(2, 19),
        )

    def filler_paragraph(self) -> str:
        """Two to four sentences, none repeated within the article."""
        if len(self.filler_deck) < 4:
            self.filler_deck = self.rng.sample(FILLER, len(FILLER))
        count = self.rng.randrange(2, 5)
        return " ".join(self.fill(self.filler_deck.pop()) for _ in range(count))

    def amount(self) -> str:
        return f"{self.rng.randrange(5, 900)} millions {self.rng.choice(['d’euros', 'de dollars'])}"

    # --- the news

    def build(self) -> Article:
        getattr(self, f"_{self.kind}")()
        body = [self.paragraphs[0]]
        for extra in self.paragraphs[1:]:
            body.append(self.filler_paragraph())
            body.append(extra)
        while len(body) < self.rng.randrange(6, 10):
            body.append(self.filler_paragraph())
        self.paragraphs = body
        return self

    def _departure(self) -> None:
        who, role, lab, when = self.person(), self.rng.choice(ROLES), self.lab, self.date_phrase()
        other = self.pick_lab(avoid=lab)
        leads = [
            f"{who}, {role} chez {lab}, a quitté l'entreprise {when}.",
            f"{lab} a confirmé {when} le départ {de(who)}, qui occupait le poste de {role}.",
            f"{who} a démissionné de son poste de {role} chez {lab} {when}.",
            f"{lab} a licencié {who}, son {role}, {when}, selon des sources internes.",
            f"Après plusieurs années chez {lab}, {who} a quitté le laboratoire {when} pour "
            f"rejoindre {other}.",
            f"{who} a été limogé par la direction de {lab} {when}.",
            f"{who}, {role}, a claqué la porte de {lab} {when}.",
            f"La démission {de(who)}, {role} {de(lab)}, a été annoncée {when}.",
            f"{who} quitte {lab}, où {self.rng.choice(['il', 'elle'])} était {role} depuis "
            f"{self.rng.randrange(2, 9)} ans.",
        ]
        titles = [
            f"{who} quitte {lab}",
            f"Départ {de(who)} chez {lab}",
            f"{lab} : {who} s'en va",
            f"Nouveau départ de haut niveau chez {lab}",
        ]
        self.title = self.rng.choice(titles)
        self.paragraphs.append(self.rng.choice(leads))
        self.paragraphs.append(
            self.rng.choice(
                [
                    f"Dans un message publié sur X, {who.split()[0]} a remercié ses collègues "
                    "et évoqué « un nouveau chapitre ».",
                    f"Ce départ s'ajoute à une série de mouvements au sein de {lab} cette année.",
                    f"{lab} n'a pas précisé qui assurerait l'intérim.",
                    f"Selon {self.rng.choice(OUTLETS)}, des désaccords sur la stratégie de "
                    "sécurité auraient précipité la décision.",
                ]
            )
        )

    def _dissolution(self) -> None:
        team, lab, when = self.rng.choice(TEAMS), self.lab, self.date_phrase()
        leads = [
            f"{lab} a dissous {team} {when}, selon un courriel interne.",
            f"{lab} a démantelé {team} {when}.",
            f"La suppression de {team} chez {lab} a été confirmée {when}.",
            f"{lab} a mis fin à {team} {when}, ses membres étant réaffectés à d'autres projets.",
        ]
        self.title = self.rng.choice(
            [f"{lab} dissout une équipe", f"Réorganisation chez {lab}", f"{lab} se réorganise"]
        )
        self.paragraphs.append(self.rng.choice(leads))
        self.paragraphs.append(
            f"Une partie des {self.rng.randrange(6, 60)} personnes concernées a rejoint "
            f"l'équipe produit, d'après {self.rng.choice(OUTLETS)}."
        )

    def _funding(self) -> None:
        lab, investor = self.lab, self.rng.choice(INVESTORS)
        self.title = f"{lab} lève {self.amount()}"
        self.paragraphs.append(
            f"{lab} a annoncé {self.date_phrase()} une levée de fonds de {self.amount()} menée "
            f"par {investor}, qui valorise l'entreprise à {self.rng.randrange(1, 90)} milliards."
        )
        self.paragraphs.append(
            f"Les fonds serviront à recruter et à acheter de la puissance de calcul, a indiqué "
            f"{self.person()}, {self.rng.choice(ROLES)}."
        )

    def _product(self) -> None:
        lab = self.lab
        model = f"{self.rng.choice(MODEL_STEMS)}-{self.rng.randrange(2, 9)}"
        self.title = f"{lab} dévoile {model}"
        self.paragraphs.append(
            f"{lab} a présenté {self.date_phrase()} {model}, un modèle de langage qui revendique "
            f"des performances en hausse de {self.rng.randrange(5, 60)} % sur les tests de "
            "raisonnement."
        )
        self.paragraphs.append(
            f"« Nous voulons rendre ces outils accessibles au plus grand nombre », a déclaré "
            f"{self.person()}, {self.rng.choice(ROLES)} {de(lab)}."
        )

    def _partnership(self) -> None:
        lab, other = self.lab, self.pick_lab(avoid=self.lab)
        self.title = f"{lab} s'allie à {other}"
        self.paragraphs.append(
            f"{lab} et {other} ont signé {self.date_phrase()} un partenariat pluriannuel portant "
            "sur l'hébergement et la distribution de leurs modèles."
        )
        self.paragraphs.append(f"Le montant de l'accord n'a pas été communiqué ({self.amount()}).")

    def _hiring(self) -> None:
        who, lab, role = self.person(), self.lab, self.rng.choice(ROLES)
        self.title = f"{lab} recrute {who}"
        self.paragraphs.append(f"{who} a rejoint {lab} {self.date_phrase()} en tant que {role}.")
        self.paragraphs.append(
            f"{who.split()[1]} travaillait auparavant dans la recherche académique à "
            f"{self.rng.choice(CITIES)}."
        )

    def _regulation(self) -> None:
        self.title = self.rng.choice(
            [
                "L'AI Act entre dans une nouvelle phase",
                f"Régulation de l'IA : {self.lab} réagit",
                "Bruxelles précise ses règles pour les modèles d'IA",
                f"Ce que les nouvelles règles européennes changent pour {self.lab}",
            ]
        )
        self.paragraphs.append(
            f"La Commission européenne a publié {self.date_phrase()} de nouvelles lignes "
            f"directrices, que {self.lab} juge « applicables mais exigeantes »."
        )
        self.paragraphs.append(
            f"{self.person()}, {self.rng.choice(ROLES)} {de(self.lab)}, a salué un texte "
            "« plus clair qu'attendu »."
        )

    def _rumour(self) -> None:
        who, lab = self.person(), self.lab
        self.title = f"{who} sur le départ ?"
        self.paragraphs.append(
            f"{who} pourrait quitter {lab} dans les prochains mois, selon des rumeurs relayées "
            f"par {self.rng.choice(OUTLETS)}."
        )
        self.paragraphs.append("Aucune décision n'aurait encore été prise.")

    def _denial(self) -> None:
        who, lab = self.person(), self.lab
        self.title = f"{lab} dément"
        self.paragraphs.append(
            f"{lab} a démenti {self.date_phrase()} le départ {de(who)}, évoqué dans la presse."
        )
        self.paragraphs.append(f"{who} reste {self.rng.choice(ROLES)}, a précisé l'entreprise.")

    # --- output

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def record(self) -> dict[str, str]:
        slug = hashlib.sha1(self.title.encode()).hexdigest()[:8]
        return {
            "title": self.title,
            "date": self.published.isoformat(),
            "lang": "fr",
            "url": f"https://actu-ia.example/{self.published.year}/{self.index:06d}-{slug}",
            "text": f"{self.title}\n\n{self.text}",
        }


def generate(count: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, str]]:
    """`count` distinct article records; article i is the same whatever `count` is."""
    seen: set[str] = set()
    for index in range(count):
        salt = 0
        while True:
            record = Article(index, seed, salt).build().record()
            digest = hashlib.sha256(record["text"].encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                break
            salt += 1
        yield record


def write_jsonl(path: Path, count: int, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in generate(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_markdown(folder: Path, count: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index, record in enumerate(generate(count, seed)):
        front = f"---\ntitle: {json.dumps(record['title'], ensure_ascii=False)}\n"
        front += f"date: {record['date']}\nurl: {record['url']}\nlang: fr\n---\n\n"
        (folder / f"{index:06d}.md").write_text(front + record["text"] + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--format", choices=["jsonl", "md"], default="jsonl")
    parser.add_argument("--out", type=Path, required=True, help=".jsonl file or folder for .md")
    args = parser.parse_args(argv)
    if args.format == "jsonl":
        write_jsonl(args.out, args.count, args.seed)
    else:
        write_markdown(args.out, args.count, args.seed)
    print(f"{args.count} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
