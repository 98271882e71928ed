// Business titles → seniority and function, across spellings, case, abbreviations and the main
// European languages ("SVP Sales", "Vice-Président Ventes", "Vertriebsleiterin", "Gerente de
// Marketing"). No library covers this; the rules are written out here and tested by example.

export const SENIORITY_LEVELS = ['intern', 'individual contributor', 'manager', 'head', 'director', 'vp', 'c-level'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const FUNCTIONS = [
  'executive', 'legal', 'hr', 'finance', 'data', 'sales', 'marketing', 'product', 'engineering',
  'it', 'operations', 'support', 'design', 'other',
] as const;
export type BusinessFunction = (typeof FUNCTIONS)[number];

export interface ParsedTitle { seniority: Seniority; rank: number; func: BusinessFunction }

const ABBREVIATIONS: Record<string, string> = {
  svp: 'senior vice president', evp: 'executive vice president', avp: 'assistant vice president',
  vp: 'vice president', sr: 'senior', snr: 'senior', jr: 'junior', mgr: 'manager', dir: 'director',
  eng: 'engineer', engr: 'engineer', exec: 'executive', asst: 'assistant', assoc: 'associate',
  rep: 'representative', dev: 'developer', ops: 'operations', mktg: 'marketing', acct: 'account',
  md: 'managing director', gm: 'general manager', hr: 'human resources', rrhh: 'recursos humanos',
  vicepresident: 'vice president', vicepresidente: 'vice president', vizeprasident: 'vice president',
  vizeprasidentin: 'vice president', vicepresidenta: 'vice president', cofounder: 'co founder',
};

const SENIORITY_RULES: [Seniority, RegExp][] = [
  ['intern', /\b(intern|internship|trainee|praktikant(in)?|stagiaire|becari[oa]|pasante|apprentice|auszubildender?|azubi|werkstudent(in)?|working student|estagiari[oa]|tirocinante|stagista)\b/],
  ['vp', /\bvice (president[ea]?|presidente|presidenta)\b/],
  ['c-level', /\bchief\b.*\bofficer\b|\bc[efotmiursdp]o\b|\bchro\b|\bcxo\b|\bpresident[ea]?\b|\bpdg\b|\bchair(man|woman|person)?\b|\bco founder\b|\bfounder\b|\bfundador[a]?\b|\bgrunder(in)?\b|\bfondateur|\bowner\b|\binhaber(in)?\b|\bpropietari[oa]\b|\bmanaging (director|partner)\b|\bgeschaftsfuhrer(in)?\b|\bvorstand|\bdirect(or|ora|eur|rice) general[ea]?\b|\bgeneral director\b|\bconsejer[oa] delegad[oa]\b|\bamministratore delegato\b|\bsenior partner\b|^partner$/],
  ['director', /\b(director[a]?|directeur|directrice|direktor(in)?|diretor[a]?|direttore|direttrice)\b/],
  ['manager', /\bteam ?leiter(in)?\b|\bgruppenleiter(in)?\b|\bchef de projet\b/],
  ['head', /\bhead\b|leiter(in)?\b|\bjef[ea]\b|\bchef\b|\bresponsable de departamento\b/],
  ['manager', /\b(manager(in)?|gerente|gestionnaire|supervisor[a]?|superviseur|lead|team lead|coordinator|coordinador[a]?|coordinat(eur|rice)|koordinator(in)?|responsable|encargad[oa]|capo|administrador[a]?|manag\w*)\b/],
];

const FUNCTION_RULES: [BusinessFunction, RegExp][] = [
  ['executive', /\b(ceo|president[ea]?|pdg|chair(man|woman|person)?|co founder|founder|fundador[a]?|owner|inhaber(in)?|managing (director|partner)|general manager|geschaftsfuhrer(in)?|vorstand\w*|direct(or|ora|eur|rice) general[ea]?|general director|consejer[oa] delegad[oa]|amministratore delegato|partner)\b/],
  ['legal', /\b(legal|counsel|attorney|lawyer|compliance|jurist(in)?|abogad[oa]|avocat|rechtsanwalt|anwalt|juridique|juridic[oa]|paralegal|clo)\b/],
  ['hr', /\b(human resources|people|talent|recruit\w*|chro|personal\w*|recursos humanos|ressources humaines|hr)\b/],
  ['finance', /\b(financ\w*|cfo|accounting|accountant|controller|controlling|treasur\w*|audit\w*|finanz\w*|buchhalt\w*|comptab\w*|contab\w*|contador[a]?|tax|steuer\w*|payroll)\b/],
  ['data', /\b(data|analytics|analyst|scientist|business intelligence|bi|datos|donnees|daten\w*|cdo)\b/],
  ['sales', /\b(sales|account executive|account manager|business development|bdr|sdr|cro|vertrieb\w*|verkauf\w*|ventas?|vendedor[a]?|commercial|comercial|ventes?|kundenberater\w*|\w*vertrieb\w*)\b|vertrieb/],
  ['marketing', /\b(marketing|cmo|brand|growth|communications?|content|seo|mercadeo|mercadotecnia|kommunikation|pr)\b/],
  ['product', /\b(product|cpo|produkt\w*|producto|produit)\b/],
  ['engineering', /\b(engineer\w*|developer|software|programmer|devops|architect|cto|ingenieur(in)?|ingenier[oa]|desarrollador[a]?|developpeur|entwickler(in)?|sre|qa|technical|technology|tecnologia|technik\w*|technique)\b/],
  ['it', /\b(it|information technology|cio|sysadmin|system administrator|infrastructure|network|helpdesk|informatique|informatik\w*|sistemas)\b/],
  ['operations', /\b(operations|coo|supply chain|logistic\w*|procurement|purchasing|facilities|operaciones|betrieb\w*|einkauf\w*|logistik|compras|achats|operations)\b/],
  ['support', /\b(support|customer service|customer success|service client|kundenservice|kundendienst|atencion al cliente|soporte)\b/],
  ['design', /\b(design\w*|ux|ui|creative|grafik\w*|disenador[a]?|graphiste)\b/],
];

/** Lower case, accents off, punctuation to spaces, abbreviations spelled out. */
export function normalizeTitle(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ');
  // Dotted abbreviations arrive as single letters ("v p", "c e o"): join them back.
  const joined: string[] = [];
  let run = false; // the last joined word is made of single letters
  for (const w of words) {
    const single = w.length === 1 && /[a-z]/.test(w);
    if (single && run) joined[joined.length - 1] += w;
    else joined.push(w);
    run = single;
  }
  return joined.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

/** null for blank or letterless titles. */
export function parseTitle(title: string): ParsedTitle | null {
  const t = normalizeTitle(title);
  if (!/[a-z]/.test(t)) return null;
  let seniority: Seniority = 'individual contributor';
  for (const [level, re] of SENIORITY_RULES) {
    if (re.test(t)) { seniority = level; break; }
  }
  // "Vice President of Sales" is in sales: the word president must not make it executive.
  const forFunction = t.replace(/\bvice (president[ea]?|presidente|presidenta)\b/g, ' ');
  let func: BusinessFunction = 'other';
  for (const [f, re] of FUNCTION_RULES) {
    if (re.test(forFunction)) { func = f; break; }
  }
  // A bare "Senior VP" runs part of the business: general management.
  if (func === 'other' && (seniority === 'vp' || seniority === 'c-level')) func = 'executive';
  return { seniority, rank: SENIORITY_LEVELS.indexOf(seniority), func };
}

/** Share of non-blank values that name a recognised rank or function (used to spot title columns). */
export function titleLikeShare(values: readonly string[]): number {
  let hits = 0;
  let seen = 0;
  for (const v of values) {
    const p = parseTitle(v);
    if (!p) continue;
    seen++;
    if (p.seniority !== 'individual contributor' || p.func !== 'other') hits++;
  }
  return seen ? hits / seen : 0;
}
