import { describe, expect, it } from 'vitest';
import { parseTitle } from './parse-title';

describe('business titles', () => {
  it.each([
    ['Senior VP', 'vp', 'executive'], ['Vice President', 'vp', 'executive'], ['CEO', 'c-level', 'executive'],
    ['Chairperson', 'c-level', 'executive'], ['SVP Sales', 'vp', 'sales'], ['vp of data', 'vp', 'data'],
    ['V.P. Marketing', 'vp', 'marketing'], ['Vice-Président Ventes', 'vp', 'sales'], ['chief technology officer', 'c-level', 'engineering'],
    ['Geschäftsführer', 'c-level', 'executive'], ['Directeur Général', 'c-level', 'executive'], ['Managing Director', 'c-level', 'executive'],
    ['Director of Finance', 'director', 'finance'], ['Dir. IT', 'director', 'it'], ['Head of Engineering', 'head', 'engineering'],
    ['Vertriebsleiterin', 'head', 'sales'], ['Jefe de Ventas', 'head', 'sales'], ['Gerente de Marketing', 'manager', 'marketing'],
    ['Sr. Mgr, Product', 'manager', 'product'], ['Team Lead, Support', 'manager', 'support'], ['Responsable IT', 'manager', 'it'],
    ['Software Engineer', 'individual contributor', 'engineering'], ['Account Executive', 'individual contributor', 'sales'],
    ['Data Scientist', 'individual contributor', 'data'], ['Marketing Intern', 'intern', 'marketing'], ['Praktikant IT', 'intern', 'it'],
    ['Stagiaire RH', 'intern', 'other'], ['INTERN - HR', 'intern', 'hr'],
  ])('%s → %s, %s', (title, seniority, func) => {
    expect(parseTitle(title)).toMatchObject({ seniority, func });
  });

  it('returns null for blank titles', () => {
    expect(parseTitle('  ')).toBeNull();
    expect(parseTitle('---')).toBeNull();
  });
});
