/**
 * One-off generator of the example school's awards (content/awards/). Run once; the files it wrote are
 * committed and must then stay as they are (award ids and status indexes are stable once published).
 * Emails are derived from the fictional names at run time and only their salted hashes are written.
 * Real administrators use `npm run badges -- award` instead.
 *
 * The awards added later were made with that command, over rosters of the same fictional addresses
 * (`fictionalEmail` below): "Initiation à la programmation en Python" to Hugo Bernard and Anaïs Nguyễn
 * (issued 2026-06-20), then the milestone "Parcours numérique" (issued 2026-07-03, listed) over a
 * roster of seven pupils, of whom only those two held two of its three badges.
 *
 *   node scripts/seed-example.ts            # refuses when content/awards already holds awards
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { hashIdentity } from '../src/core/identity/email.ts';

interface Seed {
  name: string;
  badge: string;
  issuedOn: string;
  expires?: string;
  listed?: boolean;
  evidence?: { url?: string; name?: string; narrative?: string }[];
  narrative?: string;
  revoked?: { date: string; reason: string };
}

const seeds: Seed[] = [
  {
    name: 'Zoé Lefèvre',
    badge: 'tableur-niveau-1',
    issuedOn: '2026-03-20',
    listed: true,
    evidence: [
      {
        url: 'https://www.lycee-trois-rivieres.example/travaux/2026/budget-voyage-scolaire',
        name: 'Budget du voyage scolaire',
        narrative: 'Tableau de suivi des dépenses avec graphique par poste.',
      },
    ],
  },
  { name: 'Léa Martin', badge: 'tableur-niveau-1', issuedOn: '2026-03-20' },
  { name: 'Hugo Bernard', badge: 'tableur-niveau-1', issuedOn: '2026-03-20', listed: true },
  { name: 'Anaïs Nguyễn', badge: 'tableur-niveau-1', issuedOn: '2026-04-03', listed: true },
  { name: 'Noé Dubois', badge: 'tableur-niveau-1', issuedOn: '2026-04-03' },
  {
    name: 'Inès Moreau',
    badge: 'initiation-python',
    issuedOn: '2026-06-20',
    listed: true,
    narrative:
      'Mini-projet remarquable : un simulateur de la propagation d’une épidémie, documenté et testé.',
    evidence: [
      {
        url: 'https://www.lycee-trois-rivieres.example/travaux/2026/simulateur-epidemie',
        name: 'Simulateur d’épidémie',
      },
    ],
  },
  { name: 'Gabriel Laurent', badge: 'initiation-python', issuedOn: '2026-06-20' },
  {
    name: 'Chloé Girard',
    badge: 'initiation-python',
    issuedOn: '2026-06-20',
    revoked: { date: '2026-07-01', reason: 'Attribué par erreur : le mini-projet n’avait pas été rendu.' },
  },
  { name: 'Louis Faure', badge: 'initiation-python', issuedOn: '2026-06-20' },
  { name: 'Jade Rousseau', badge: 'initiation-python', issuedOn: '2026-06-20', listed: true },
  {
    name: 'Maël Le Goff',
    badge: 'eco-delegue',
    issuedOn: '2026-06-30',
    listed: true,
    narrative: 'A lancé le potager partagé du lycée et organisé deux collectes de piles usagées.',
  },
  { name: 'Camille Fontaine', badge: 'eco-delegue', issuedOn: '2026-06-30' },
  { name: 'Émile Béranger-Çelik', badge: 'eco-delegue', issuedOn: '2026-06-30', listed: true },
  {
    name: 'Marie-Bernadette Christelle Geneviève de La Rochefoucauld-Montmorency-Saint-Exupéry',
    badge: 'olympiades-mathematiques',
    issuedOn: '2026-05-15',
    listed: true,
  },
  { name: 'Yasmine Benali', badge: 'olympiades-mathematiques', issuedOn: '2026-05-15' },
  { name: 'Thomas Petit', badge: 'sauveteur-secouriste', issuedOn: '2023-06-12' },
  { name: 'Sarah Lemoine', badge: 'sauveteur-secouriste', issuedOn: '2025-01-20', listed: true },
  { name: 'Lucas Roux', badge: 'sauveteur-secouriste', issuedOn: '2024-03-05', expires: '2025-03-05' },
  { name: 'Élodie Marchand', badge: 'sauveteur-secouriste', issuedOn: '2026-02-10' },
  {
    name: 'Nathan Garnier',
    badge: 'club-robotique',
    issuedOn: '2026-06-27',
    evidence: [
      {
        url: 'https://www.lycee-trois-rivieres.example/videos/robot-trieur-2026',
        name: 'Vidéo du robot trieur',
      },
    ],
  },
  { name: 'Manon Chevalier', badge: 'club-robotique', issuedOn: '2026-06-27', listed: true },
  { name: 'Théo Mercier', badge: 'club-robotique', issuedOn: '2026-06-27' },
];

/** A fictional school address derived from the name; it is hashed and never written. */
function fictionalEmail(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}@eleves.lycee-trois-rivieres.example`;
}

const awardsDir = join(process.cwd(), 'content', 'awards');
if (
  existsSync(awardsDir) &&
  readdirSync(awardsDir, { recursive: true }).some((f) => String(f).endsWith('.yaml'))
) {
  console.error('content/awards already holds awards: refusing to overwrite published ids.');
  process.exit(1);
}

const usedIndexes = new Set<number>();
for (const seed of seeds) {
  let statusIndex = randomInt(0, 131_072);
  while (usedIndexes.has(statusIndex)) statusIndex = randomInt(0, 131_072);
  usedIndexes.add(statusIndex);
  const salt = randomBytes(12).toString('base64url');
  const id = randomUUID();
  const award = {
    badge: seed.badge,
    recipient: { name: seed.name, identity: hashIdentity(fictionalEmail(seed.name), salt), salt },
    issuedOn: seed.issuedOn,
    ...(seed.expires ? { expires: seed.expires } : {}),
    ...(seed.evidence ? { evidence: seed.evidence } : {}),
    ...(seed.narrative ? { narrative: seed.narrative } : {}),
    ...(seed.revoked ? { revoked: seed.revoked } : {}),
    listed: seed.listed ?? false,
    statusIndex,
  };
  const folder = join(awardsDir, seed.issuedOn.slice(0, 4));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${id}.yaml`), stringify(award, { lineWidth: 0 }));
}
console.log(`Wrote ${seeds.length} awards.`);
