/** Every command's `--help`, with examples, in both languages. Option names and values stay as typed. */
import type { Bilingual } from './catalogue.ts';

export const helpMessages = {
  'help.main': {
    en: `Usage: npm run badges -- <command> [options]

Commands:
  check            Validate all content (issuers, badges, awards) and list every problem.
  keygen <issuer> [--retire-old]
                   Create an Ed25519 and an RSA signing key for an issuer (public halves into its file,
                   private halves into .keys/). --retire-old marks the issuer's older keys retired.
  new issuer <slug> --name "<name>" --url <url> --email <address>
  new badge <slug> --issuer <slug> --name "<name>" [--icon <icon>] [--shape …] [--palette …]
                   Start a commented, valid issuer or badge file. \`new --help\` lists the options.
  keys secret | keys forget <issuer>
                   Rewrite the CI secret from .keys/; confirm that a removed issuer is gone.
  award --badge <slug> --name "<name>" --email <address> [options]
  award --badge <slug> --csv <roster.csv> [--skip-invalid] [--dry-run]
                   Award a badge to one person or to every row of a CSV roster. The email is only
                   stored as a salted hash. \`award --help\` lists the options.
  notify [--send | --export <file.csv> | --dry-run | --purge] [--csv <roster.csv>]
                   Tell each earner about their award, by SMTP or mail merge; \`notify --help\` explains.
  revoke <award-id> --reason "<text>" [--date <day>]
                   Withdraw an award; the reason is published.
  list [--badge <slug>] [--json]
                   Every award with its status (valid, expired, revoked).
  verify <file|url> [--email <address>] [--json] [--site-dir <dir>]
                   Verify a baked image, a credential, an assertion or a URL; exit 0 only if verified.
  icons <word> [--all] [--json] | icons --list
                   Find icons for a badge's artwork.icon by French or English word, or list them all.
  help             Show this help.

Every command accepts --lang fr|en (otherwise the language comes from LC_ALL, LC_MESSAGES or LANG).
`,
    fr: `Utilisation : npm run badges -- <commande> [options]

Commandes :
  check            Vérifie tout le contenu (émetteurs, badges, attributions) et liste chaque problème.
  keygen <issuer> [--retire-old]
                   Crée une clé de signature Ed25519 et une clé RSA pour un émetteur (moitiés publiques
                   dans son fichier, moitiés privées dans .keys/). --retire-old retire ses anciennes clés.
  new issuer <slug> --name "<name>" --url <url> --email <address>
  new badge <slug> --issuer <slug> --name "<name>" [--icon <icon>] [--shape …] [--palette …]
                   Commence un fichier d’émetteur ou de badge commenté et valide. \`new --help\` liste les options.
  keys secret | keys forget <issuer>
                   Réécrit le secret de CI depuis .keys/ ; confirme qu’un émetteur supprimé a disparu.
  award --badge <slug> --name "<name>" --email <address> [options]
  award --badge <slug> --csv <roster.csv> [--skip-invalid] [--dry-run]
                   Attribue un badge à une personne ou à chaque ligne d’une liste CSV. L’adresse n’est
                   conservée que sous forme de hachage salé. \`award --help\` liste les options.
  notify [--send | --export <file.csv> | --dry-run | --purge] [--csv <roster.csv>]
                   Annonce à chaque personne son badge, par SMTP ou publipostage ; \`notify --help\` explique.
  revoke <award-id> --reason "<text>" [--date <day>]
                   Retire une attribution ; le motif est publié.
  list [--badge <slug>] [--json]
                   Chaque attribution avec son état (valide, expirée, révoquée).
  verify <file|url> [--email <address>] [--json] [--site-dir <dir>]
                   Vérifie une image cuite, un badge, une assertion ou une URL ; code 0 seulement si vérifié.
  icons <word> [--all] [--json] | icons --list
                   Cherche des icônes pour artwork.icon par mot français ou anglais, ou les liste toutes.
  help             Affiche cette aide.

Toute commande accepte --lang fr|en (sinon la langue vient de LC_ALL, LC_MESSAGES ou LANG).
`,
  },
  'help.check': {
    en: `Usage: npm run badges -- check

Checks every issuer, badge and award file under content/ (and the signing keys) exactly as the build
does, and lists every problem at once, with its file, line, field and a hint. It writes nothing, but
brings back the previous site when a build was interrupted while publishing it.

Example:
  npm run badges -- check
`,
    fr: `Utilisation : npm run badges -- check

Vérifie chaque fichier d’émetteur, de badge et d’attribution de content/ (et les clés de signature)
exactement comme la construction du site, et liste tous les problèmes d’un coup, avec leur fichier, leur
ligne, leur champ et un conseil. N’écrit rien, mais remet en place le site précédent quand une
construction a été interrompue pendant sa publication.

Exemple :
  npm run badges -- check
`,
  },
} as const satisfies Record<string, Bilingual>;
