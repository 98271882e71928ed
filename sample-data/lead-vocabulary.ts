// Word lists for the CRM-lead generator. Kept apart from the generator so the sampling logic reads
// as a model, and so the lists can grow without touching it.

export type Language = 'en' | 'de' | 'es' | 'fr';

/**
 * Business titles grouped by seniority. `level` is the hidden signal the label uses; the CSV only
 * ever shows one of the many spellings, so a model has to learn that "SVP", "Sr. Vice President"
 * and "senior vp" are the same thing (the TITLE pivot from the talks).
 */
export interface TitleGroup {
  level: 'c-level' | 'svp' | 'vp' | 'director' | 'manager' | 'individual' | 'junior';
  spellings: readonly string[];
  /** Spellings that take a department ("VP Sales", "Head of IT"): `{d}` is replaced. */
  withDepartment?: readonly string[];
  /** Titles in the lead's own language, used for some leads from that language. */
  local?: Partial<Record<Language, readonly string[]>>;
}

export const TITLE_GROUPS: readonly TitleGroup[] = [
  {
    level: 'c-level',
    spellings: [
      'CEO', 'Chief Executive Officer', 'Chairman', 'Chairperson', 'Chairwoman', 'President',
      'Founder & CEO', 'Co-Founder', 'CFO', 'Chief Financial Officer', 'CTO', 'Chief Technology Officer',
      'CIO', 'COO', 'Chief Operating Officer', 'CMO', 'Owner', 'Managing Director',
    ],
    local: {
      de: ['Geschäftsführer', 'Geschäftsführerin', 'Vorstandsvorsitzender', 'Inhaber'],
      es: ['Director General', 'Director Ejecutivo', 'Presidente', 'Fundador y CEO'],
      fr: ['PDG', 'Président-directeur général', 'Directeur Général', 'Fondateur'],
    },
  },
  {
    level: 'svp',
    spellings: [
      'Senior VP', 'SVP', 'Sr. Vice President', 'Senior Vice President', 'Sr VP', 'EVP',
      'Executive Vice President', 'Exec. VP',
    ],
    withDepartment: ['SVP {d}', 'Senior VP, {d}', 'Senior Vice President of {d}', 'EVP {d}'],
  },
  {
    level: 'vp',
    spellings: ['Vice President', 'VP', 'V.P.', 'Vice-President'],
    withDepartment: ['VP {d}', 'VP of {d}', 'Vice President, {d}', 'V.P. {d}', 'VP - {d}'],
    local: { de: ['Vizepräsident'], es: ['Vicepresidente', 'VP de Ventas'], fr: ['Vice-président'] },
  },
  {
    level: 'director',
    spellings: ['Director', 'Dir.'],
    withDepartment: ['Director of {d}', '{d} Director', 'Head of {d}', 'Dir. {d}', 'Head {d}'],
    local: {
      de: ['Bereichsleiter', 'Leiter IT', 'Vertriebsleiter', 'Marketingleiterin'],
      es: ['Director de Ventas', 'Directora de Marketing', 'Jefe de IT'],
      fr: ['Directeur Commercial', 'Directrice Marketing', 'Responsable IT'],
    },
  },
  {
    level: 'manager',
    spellings: ['Manager', 'Senior Manager', 'Mgr', 'Team Lead'],
    withDepartment: ['{d} Manager', 'Manager, {d}', 'Mgr {d}', 'Sr. {d} Manager'],
    local: {
      de: ['Abteilungsleiter', 'Teamleiterin', 'Projektmanager'],
      es: ['Gerente', 'Gerente de Proyecto', 'Jefa de Equipo'],
      fr: ['Chef de projet', "Responsable d'équipe", 'Manager'],
    },
  },
  {
    level: 'individual',
    spellings: [
      'Engineer', 'Software Engineer', 'Sr. Engineer', 'Analyst', 'Data Analyst', 'Consultant',
      'Specialist', 'Accountant', 'Sales Rep', 'Account Executive', 'Developer', 'Administrator', 'Coordinator',
    ],
    withDepartment: ['{d} Specialist', '{d} Analyst', '{d} Associate'],
    local: {
      de: ['Ingenieur', 'Sachbearbeiter', 'Entwicklerin', 'Berater'],
      es: ['Ingeniero', 'Analista', 'Consultora', 'Desarrollador'],
      fr: ['Ingénieur', 'Analyste', 'Consultante', 'Développeur'],
    },
  },
  {
    level: 'junior',
    spellings: [
      'Intern', 'Student', 'Trainee', 'Assistant', 'Junior Assistant', 'Apprentice',
    ],
    withDepartment: ['{d} Intern', 'Intern - {d}'],
    local: {
      de: ['Werkstudent', 'Praktikant', 'Praktikantin', 'Auszubildender'],
      es: ['Becario', 'Becaria', 'Estudiante', 'Practicante'],
      fr: ['Stagiaire', 'Alternant', 'Étudiant'],
    },
  },
];

export const DEPARTMENTS = [
  'Sales', 'Marketing', 'IT', 'Engineering', 'Operations', 'Finance', 'HR', 'Procurement',
  'Customer Success', 'Product', 'Data', 'Business Development',
] as const;

export interface Country {
  name: string;
  language: Language;
  tld: string;
  personalDomains: readonly string[];
}

export const COUNTRIES: readonly (readonly [Country, number])[] = [
  [{ name: 'United States', language: 'en', tld: 'com', personalDomains: ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'aol.com'] }, 30],
  [{ name: 'United Kingdom', language: 'en', tld: 'co.uk', personalDomains: ['gmail.com', 'yahoo.co.uk', 'hotmail.co.uk', 'btinternet.com'] }, 10],
  [{ name: 'Canada', language: 'en', tld: 'ca', personalDomains: ['gmail.com', 'yahoo.ca', 'hotmail.com'] }, 6],
  [{ name: 'Australia', language: 'en', tld: 'com.au', personalDomains: ['gmail.com', 'bigpond.com', 'hotmail.com'] }, 4],
  [{ name: 'Germany', language: 'de', tld: 'de', personalDomains: ['web.de', 'gmx.de', 'gmail.com', 't-online.de'] }, 14],
  [{ name: 'Austria', language: 'de', tld: 'at', personalDomains: ['gmx.at', 'gmail.com', 'aon.at'] }, 3],
  [{ name: 'Switzerland', language: 'de', tld: 'ch', personalDomains: ['gmx.ch', 'bluewin.ch', 'gmail.com'] }, 3],
  [{ name: 'Spain', language: 'es', tld: 'es', personalDomains: ['gmail.com', 'hotmail.es', 'yahoo.es'] }, 7],
  [{ name: 'Mexico', language: 'es', tld: 'com.mx', personalDomains: ['gmail.com', 'hotmail.com', 'yahoo.com.mx'] }, 5],
  [{ name: 'Argentina', language: 'es', tld: 'com.ar', personalDomains: ['gmail.com', 'hotmail.com'] }, 2],
  [{ name: 'France', language: 'fr', tld: 'fr', personalDomains: ['gmail.com', 'orange.fr', 'free.fr', 'hotmail.fr'] }, 9],
  [{ name: 'Belgium', language: 'fr', tld: 'be', personalDomains: ['gmail.com', 'skynet.be', 'hotmail.com'] }, 2],
];

export const FIRST_NAMES: Record<Language, readonly string[]> = {
  en: ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Sarah',
    'Jim', 'Andy', 'Karen', 'Emily', 'Daniel', 'Olivia', 'Chris', 'Jessica', 'Matthew', 'Ashley', 'Kevin', 'Laura'],
  de: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Maximilian', 'Sophie', 'Felix', 'Marie', 'Jürgen', 'Katrin',
    'Stefan', 'Sabine', 'Thomas', 'Birgit', 'Uwe', 'Jörg', 'Claudia', 'Matthias'],
  es: ['José', 'María', 'Carlos', 'Lucía', 'Javier', 'Carmen', 'Alejandro', 'Sofía', 'Miguel', 'Elena',
    'Pablo', 'Isabel', 'Andrés', 'Laura', 'Diego'],
  fr: ['Jean', 'Marie', 'Pierre', 'Camille', 'Louis', 'Chloé', 'Nicolas', 'Léa', 'François', 'Amélie',
    'Julien', 'Hélène', 'Antoine', 'Céline'],
};

export const LAST_NAMES: Record<Language, readonly string[]> = {
  en: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
    'Steele', 'Gardner', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', "O'Brien", 'King', 'Wright'],
  de: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
    'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann'],
  es: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez',
    'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz'],
  fr: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
    'Lefèvre', 'Fournier', 'Girard', 'Bonnet'],
};

export const COMPANY_STEMS = [
  'Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent',
  'Cyberdyne', 'Tyrell', 'Wonka', 'Gringotts', 'Oceanic', 'Blue Sky', 'Silver Lake', 'Red Rock', 'Evergreen',
  'Summit', 'Pinnacle', 'Horizon', 'Nordlicht', 'Alpenblick', 'Rheinland', 'Sonnenschein', 'Bergwerk',
  'Sierra', 'Luna', 'Solaris', 'Costa', 'Mistral', 'Lumière', 'Étoile', 'Riviera', 'Quantum', 'Vertex',
  'Apex', 'Nimbus', 'Falcon', 'Orion', 'Atlas', 'Zenith', 'Cobalt', 'Granite', 'Maple', 'Harbor', 'Beacon',
] as const;

export const COMPANY_KINDS = [
  'Analytics', 'Logistics', 'Software', 'Systems', 'Foods', 'Motors', 'Health', 'Energy', 'Consulting',
  'Retail', 'Media', 'Robotics', 'Textiles', 'Pharma', 'Finance', 'Labs', 'Solutions', 'Industries',
] as const;

export const LEGAL_FORMS: Record<Language, readonly string[]> = {
  en: ['Inc.', 'LLC', 'Ltd', 'Corp.', 'Group', ''],
  de: ['GmbH', 'AG', 'GmbH & Co. KG', ''],
  es: ['S.A.', 'S.L.', ''],
  fr: ['SA', 'SARL', 'SAS', ''],
};

export const LEAD_SOURCES = [
  'Web', 'Referral', 'Trade Show', 'Partner', 'Cold Call', 'Webinar', 'Email Campaign', 'Purchased List',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/**
 * Description sentences per language and tone. Positive and negative ones carry sentiment words
 * (great, interessiert, excelente, ravi / problem, teuer, caro, déçu …); neutral ones carry none,
 * and idioms like those on the talk's slides add word count without a clear sentiment.
 */
export const SENTENCES: Record<Language, Record<'positive' | 'negative' | 'neutral', readonly string[]>> = {
  en: {
    positive: [
      'Very interested in a demo next week.',
      'Great call, they love the product and want pricing.',
      'Excellent fit for their team, budget approved.',
      'Happy with the trial so far, impressed by the reports.',
      'Strong interest from the buying committee, perfect timing.',
      'They are excited and want to move fast.',
      'A blessing in disguise: their current vendor just failed them.',
    ],
    negative: [
      'Not interested at the moment, call back later.',
      'Complained the product is too expensive.',
      'Bad experience with a previous vendor, very skeptical.',
      'No budget this year, the project was cancelled.',
      'Unhappy with the slow response, might churn to a competitor.',
      'Disappointed by the missing features.',
    ],
    neutral: [
      'Downloaded the whitepaper.',
      'Asked about integration with their ERP.',
      'Time flies when you are having fun.',
      'You can say that again.',
      'Your guess is as good as mine.',
      'Met at the booth, exchanged cards.',
      'Requested more information by email.',
      'Evaluating several options for next quarter.',
    ],
  },
  de: {
    positive: [
      'Sehr interessiert an einer Demo.',
      'Super Gespräch, das Team ist begeistert.',
      'Budget ist freigegeben, passt perfekt.',
      'Toller Eindruck vom Produkt, möchte ein Angebot.',
      'Sehr zufrieden mit dem Testzugang.',
    ],
    negative: [
      'Kein Interesse, zu teuer.',
      'Schlechte Erfahrung mit dem alten Anbieter.',
      'Projekt wurde abgesagt, kein Budget.',
      'Enttäuscht von der langsamen Antwort.',
      'Leider keine Zeit, später nochmal melden.',
    ],
    neutral: [
      'Alles hat ein Ende, nur die Wurst hat zwei.',
      'Um den heißen Brei herumreden.',
      'Hat das Whitepaper heruntergeladen.',
      'Fragt nach der Schnittstelle zum ERP.',
      'Auf der Messe getroffen.',
      'Vergleicht mehrere Anbieter.',
    ],
  },
  es: {
    positive: [
      'Muy interesado en una demostración.',
      'Excelente reunión, les encanta el producto.',
      'Presupuesto aprobado, encaja perfecto.',
      'Muy contentos con la prueba gratuita.',
      'Gran interés del equipo directivo.',
    ],
    negative: [
      'No tiene interés, es demasiado caro.',
      'Mala experiencia con el proveedor anterior.',
      'Proyecto cancelado, sin presupuesto.',
      'Decepcionado por la respuesta lenta.',
      'Problemas con la integración, muy escéptico.',
    ],
    neutral: [
      'Descargó el documento técnico.',
      'Preguntó por la integración con su ERP.',
      'Nos conocimos en la feria.',
      'Más vale tarde que nunca.',
      'Está evaluando varias opciones.',
    ],
  },
  fr: {
    positive: [
      'Très intéressé par une démo.',
      'Excellent échange, ils adorent le produit.',
      'Budget validé, parfait pour leur équipe.',
      'Ravi de la période d\'essai.',
      'Grand intérêt de la direction.',
    ],
    negative: [
      'Pas intéressé, trop cher.',
      'Mauvaise expérience avec l\'ancien fournisseur.',
      'Projet annulé, pas de budget.',
      'Déçu par la réponse lente.',
      'Problème d\'intégration, très sceptique.',
    ],
    neutral: [
      'A téléchargé le livre blanc.',
      'Demande une intégration avec leur ERP.',
      'Rencontré sur le salon.',
      'Petit à petit, l\'oiseau fait son nid.',
      'Compare plusieurs solutions.',
    ],
  },
};
