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
  keygen --endorser <file>
                   Make an endorser's key (on their machine): private key only in <file>; prints their did:key.
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
  endorse request (--badge <slug> | --issuer <slug> | --award <id>) --endorser-name "<name>"
                   --endorser-url <url> --comment "<text>"
                   Write the unsigned endorsement a third party will sign.
  endorse sign <request.json> --key <endorser key file>
                   Sign an endorsement request as the endorser (no project needed).
  merge <shard dir>… --out <dir>
                   Join the folders of a sharded build (INSIGNE_SHARD=<k>/<n> npm run build) into one
                   site, byte-identical to a single build; checked and verified before it is published.
  upload [<dir>] --s3 <endpoint> --bucket <name> [--prefix <folder>] [--dry-run]
                   Upload a built site to S3-compatible storage (S3, R2, MinIO) with the content types
                   and cache headers verifiers need; for sites past GitHub Pages' 1 GB (docs/deploy.md).
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
  keygen --endorser <file>
                   Crée la clé d’un recommandeur (sur sa machine) : clé privée seulement dans <file> ;
                   affiche son did:key.
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
  endorse request (--badge <slug> | --issuer <slug> | --award <id>) --endorser-name "<name>"
                   --endorser-url <url> --comment "<text>"
                   Écrit la recommandation non signée qu’un tiers signera.
  endorse sign <request.json> --key <endorser key file>
                   Signe une demande de recommandation en tant que recommandeur (sans projet).
  merge <shard dir>… --out <dir>
                   Réunit les dossiers d’une construction en fragments (INSIGNE_SHARD=<k>/<n> npm run build)
                   en un seul site, identique octet pour octet à une construction unique ; vérifié avant
                   d’être publié.
  upload [<dir>] --s3 <endpoint> --bucket <name> [--prefix <folder>] [--dry-run]
                   Envoie un site construit vers un stockage compatible S3 (S3, R2, MinIO) avec les types de
                   contenu et en-têtes de cache dont les vérificateurs ont besoin ; pour les sites au-delà
                   de 1 Go de GitHub Pages (docs/deploy.md).
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
  'help.award': {
    en: `Usage:
  npm run badges -- award --badge <slug> --name "<display name>" --email <address>
                          [--issued-on <day>] [--expires <day>] [--evidence <url>] [--narrative <text>]
                          [--listed] [--dry-run]
  npm run badges -- award --badge <slug> --csv <roster.csv> [--skip-invalid] [--dry-run]
                          [--issued-on <day>] [--expires <day>] [--evidence <url>] [--narrative <text>]
                          [--listed]
Days are written YYYY-MM-DD or DD/MM/YYYY; the issue day defaults to today. Each new award's
announcement waits in .outbox/ for \`npm run badges -- notify\`.
A milestone badge (one with \`requires\`) goes only to those who hold its required badges on the issue
day (not revoked, not expired); the command says what each of the others misses.

Examples:
  npm run badges -- award --badge robotique-niveau-1 --name "Léa Martin" --email lea.martin@example.org
  npm run badges -- award --badge robotique-niveau-1 --csv ~/Documents/2nde-A.csv --dry-run
`,
    fr: `Utilisation :
  npm run badges -- award --badge <slug> --name "<display name>" --email <address>
                          [--issued-on <day>] [--expires <day>] [--evidence <url>] [--narrative <text>]
                          [--listed] [--dry-run]
  npm run badges -- award --badge <slug> --csv <roster.csv> [--skip-invalid] [--dry-run]
                          [--issued-on <day>] [--expires <day>] [--evidence <url>] [--narrative <text>]
                          [--listed]
Les jours s’écrivent AAAA-MM-JJ ou JJ/MM/AAAA ; le jour d’attribution est aujourd’hui par défaut. L’annonce
de chaque nouvelle attribution attend dans .outbox/ jusqu’à \`npm run badges -- notify\`.
Un badge de parcours (qui a \`requires\`) n’est attribué qu’aux titulaires de ses badges requis le jour
d’attribution (ni révoqués, ni expirés) ; la commande dit ce qui manque à chacune des autres personnes.

Exemples :
  npm run badges -- award --badge robotique-niveau-1 --name "Léa Martin" --email lea.martin@example.org
  npm run badges -- award --badge robotique-niveau-1 --csv ~/Documents/2nde-A.csv --dry-run
`,
  },
  'help.icons': {
    en: `Usage: npm run badges -- icons <word> [<word>…] [--all] [--json]
       npm run badges -- icons --list

Finds icons for a badge's \`artwork.icon\` by name, by English keyword (Lucide's tags) or by French
word, without accents or case mattering. Prints each icon's name and what matched, best first.

Options:
  --all     Print every match, not only the first {shown}.
  --json    Print the matches as JSON (name, score, reasons).
  --list    Print every icon name, one per line.

Examples:
  npm run badges -- icons vélo          # bike (French "vélo" → bicycle, bike)
  npm run badges -- icons bicycle       # bike (tagged "bicycle")
  npm run badges -- icons secourisme    # cross, ambulance, heart-pulse…
  npm run badges -- icons "first aid"   # several words: the phrase first, then each word
  npm run badges -- icons --list | grep book
`,
    fr: `Utilisation : npm run badges -- icons <word> [<word>…] [--all] [--json]
              npm run badges -- icons --list

Cherche des icônes pour le champ \`artwork.icon\` d’un badge, par nom, par mot-clé anglais (les étiquettes
de Lucide) ou par mot français, sans tenir compte des accents ni des majuscules. Affiche le nom de chaque
icône et ce qui a correspondu, la meilleure d’abord.

Options :
  --all     Affiche toutes les correspondances, pas seulement les {shown} premières.
  --json    Affiche les correspondances en JSON (nom, score, raisons).
  --list    Affiche le nom de chaque icône, un par ligne.

Exemples :
  npm run badges -- icons vélo          # bike (le mot français « vélo » → bicycle, bike)
  npm run badges -- icons bicycle       # bike (étiquetée « bicycle »)
  npm run badges -- icons secourisme    # cross, ambulance, heart-pulse…
  npm run badges -- icons "first aid"   # plusieurs mots : l’expression d’abord, puis chaque mot
  npm run badges -- icons --list | grep book
`,
  },
  'help.keygen': {
    en: `Usage: npm run badges -- keygen <issuer> [--retire-old]
       npm run badges -- keygen --endorser <file> [--did-web <https://…>]

Creates an Ed25519 key (Data Integrity proofs) and an RSA key (VC-JWT, OB 2.0) for the issuer: public
halves into content/issuers/<issuer>.yaml and insigne.lock.json, private halves into .keys/ (git-ignored),
and the value of the INSIGNE_SIGNING_KEYS secret into .keys/INSIGNE_SIGNING_KEYS.secret.
--retire-old marks the issuer's older keys retired (they stay published, so old badges still verify).
--endorser <file> (on an endorser's machine, no project needed): makes an endorser's Ed25519 key, written
only to <file> (readable by you only, never overwritten), and prints the did:key that identifies them;
\`endorse sign\` signs with it. Name the file <something>.private.jwk.json so that git ignores it.
--did-web <https://…> (with --endorser, for an endorser with a web site): identifies them by the did:web
of that address instead (https://federation.example → did:web:federation.example) and writes their DID
document beside the key (<something>.did.json, public key only), to publish at the address it prints,
served with \`Access-Control-Allow-Origin: *\`, and to send to the administrator, who commits a copy
under content/endorsers/.

Examples:
  npm run badges -- keygen my-school
  npm run badges -- keygen my-school --retire-old
  npm run badges -- keygen --endorser federation.private.jwk.json
  npm run badges -- keygen --endorser federation.private.jwk.json --did-web https://federation.example
`,
    fr: `Utilisation : npm run badges -- keygen <issuer> [--retire-old]
              npm run badges -- keygen --endorser <file> [--did-web <https://…>]

Crée une clé Ed25519 (preuves Data Integrity) et une clé RSA (VC-JWT, OB 2.0) pour l’émetteur : les
moitiés publiques dans content/issuers/<issuer>.yaml et insigne.lock.json, les moitiés privées dans .keys/
(ignoré par git), et la valeur du secret INSIGNE_SIGNING_KEYS dans .keys/INSIGNE_SIGNING_KEYS.secret.
--retire-old marque les anciennes clés de l’émetteur comme retirées (elles restent publiées, pour que les
anciens badges restent vérifiables).
--endorser <file> (sur la machine de l’auteur d’une recommandation, sans projet) : crée la clé Ed25519
d’un recommandeur, écrite seulement dans <file> (lisible par vous seul, jamais écrasée), et affiche le
did:key qui l’identifie ; \`endorse sign\` signe avec elle. Nommez le fichier
<quelque-chose>.private.jwk.json pour que git l’ignore.
--did-web <https://…> (avec --endorser, pour un recommandeur qui a un site web) : l’identifie plutôt par
le did:web de cette adresse (https://federation.example → did:web:federation.example) et écrit son
document DID à côté de la clé (<quelque-chose>.did.json, clé publique seulement), à publier à l’adresse
affichée, servi avec \`Access-Control-Allow-Origin: *\`, et à envoyer à l’administrateur, qui en
versionne une copie sous content/endorsers/.

Exemples :
  npm run badges -- keygen mon-ecole
  npm run badges -- keygen mon-ecole --retire-old
  npm run badges -- keygen --endorser federation.private.jwk.json
  npm run badges -- keygen --endorser federation.private.jwk.json --did-web https://federation.example
`,
  },
  'help.keys': {
    en: `Usage:
  npm run badges -- keys secret             rewrite {keysDir}/{secretFile} from the key files in {keysDir}/
  npm run badges -- keys forget <issuer>    confirm that a removed issuer is gone for good

"keys secret" writes the value of the {keysEnv} repository secret again, from the private key files in
{keysDir}/ (keys of issuers that no longer exist are left out). Set the secret from it afterwards.

"keys forget" is for an issuer whose file you deleted from content/issuers/: the badges it issued stop
verifying once its keys are no longer published. It removes the issuer from {lockFile} and its private
keys from {keysDir}/, then rewrites the secret. To keep its badges verifying, keep the issuer file
(and its badges and awards) instead.

Examples:
  npm run badges -- keys secret
  npm run badges -- keys forget ancien-club
`,
    fr: `Utilisation :
  npm run badges -- keys secret             réécrit {keysDir}/{secretFile} à partir des fichiers de clés de {keysDir}/
  npm run badges -- keys forget <issuer>    confirme qu’un émetteur supprimé a disparu pour de bon

« keys secret » réécrit la valeur du secret de dépôt {keysEnv} à partir des fichiers de clés privées de
{keysDir}/ (les clés d’émetteurs qui n’existent plus sont laissées de côté). Redéfinissez ensuite le secret
à partir de ce fichier.

« keys forget » sert pour un émetteur dont vous avez supprimé le fichier de content/issuers/ : les badges
qu’il a émis cessent d’être vérifiables dès que ses clés ne sont plus publiées. La commande retire
l’émetteur de {lockFile} et ses clés privées de {keysDir}/, puis réécrit le secret. Pour que ses badges
restent vérifiables, gardez plutôt le fichier de l’émetteur (avec ses badges et ses attributions).

Exemples :
  npm run badges -- keys secret
  npm run badges -- keys forget ancien-club
`,
  },
  'help.list': {
    en: `Usage: npm run badges -- list [--badge <slug>] [--json]
Every award with its status today (valid, expired, revoked) and its page; never an identity.

Examples:
  npm run badges -- list
  npm run badges -- list --badge robotique-niveau-1 --json
`,
    fr: `Utilisation : npm run badges -- list [--badge <slug>] [--json]
Chaque attribution avec son état du jour (valide, expirée, révoquée) et sa page ; jamais une identité.

Exemples :
  npm run badges -- list
  npm run badges -- list --badge robotique-niveau-1 --json
`,
  },
  'help.new': {
    en: `Usage:
  npm run badges -- new issuer <slug> --name "<name>" --url <https://…> --email <contact address>
                   [--description "<text>"] [--language fr|en]
  npm run badges -- new badge <slug> --issuer <issuer-slug> --name "<name>" [--description "<text>"]
                   [--shape <shape>] [--palette <palette>] [--icon <icon>] [--level "<text>"]
                   [--type <achievementType>] [--validity <P2Y>] [--tags "a, b"] [--language fr|en]

Writes content/issuers/<slug>.yaml or content/badges/<slug>.md, commented, with every value quoted as
YAML needs, then checks it. On a terminal, missing values are asked for.
Shapes: {shapes}. Palettes: {palettes}.

Examples:
  npm run badges -- new issuer club-velo --name "Club vélo de Loirette" --url https://club-velo.example --email contact@club-velo.example
  npm run badges -- new badge securite-routiere-1 --issuer club-velo --name "Sécurité routière : niveau 1" --icon bike --validity P2Y
`,
    fr: `Utilisation :
  npm run badges -- new issuer <slug> --name "<name>" --url <https://…> --email <contact address>
                   [--description "<text>"] [--language fr|en]
  npm run badges -- new badge <slug> --issuer <issuer-slug> --name "<name>" [--description "<text>"]
                   [--shape <shape>] [--palette <palette>] [--icon <icon>] [--level "<text>"]
                   [--type <achievementType>] [--validity <P2Y>] [--tags "a, b"] [--language fr|en]

Écrit content/issuers/<slug>.yaml ou content/badges/<slug>.md, commenté, chaque valeur entre guillemets
quand le YAML l’exige, puis le vérifie. Sur un terminal, les valeurs manquantes sont demandées.
Formes : {shapes}. Palettes : {palettes}.

Exemples :
  npm run badges -- new issuer club-velo --name "Club vélo de Loirette" --url https://club-velo.example --email contact@club-velo.example
  npm run badges -- new badge securite-routiere-1 --issuer club-velo --name "Sécurité routière : niveau 1" --icon bike --validity P2Y
`,
  },
  'help.notify': {
    en: `Usage:
  npm run badges -- notify                       show the announcements waiting in the outbox
  npm run badges -- notify --send [--no-live-check] [--batch <n>] [--rate <per minute>] [--dry-run]
  npm run badges -- notify --export <file.csv> [--separator ";" | "," | tab]
  npm run badges -- notify --csv <roster.csv> [--badge <slug>]        queue again for existing awards
  npm run badges -- notify --expiring <days> --csv <roster.csv> [--badge <slug>]   expiry reminders
  npm run badges -- notify --purge

--send uses the SMTP server of INSIGNE_SMTP_URL (smtps://user:password@host:465, or smtp:// with
STARTTLS; plain SMTP only to a loopback address) as the sender INSIGNE_SMTP_FROM. Each earner gets their
own message, in the badge's language, once: a sent announcement leaves the outbox, a failed one stays
with its reason. Before sending, each award page must answer 200 at its address (--no-live-check skips
that). Messages can be rewritten in content/messages/award.fr.md (award.en.md, expiry.fr.md,
expiry.en.md): a "subject:" front matter line, then the text, with these placeholders:
{placeholders}

Examples:
  npm run badges -- notify --dry-run
  INSIGNE_SMTP_URL='smtps://badges%40lycee.example:secret@smtp.lycee.example:465' \\
  INSIGNE_SMTP_FROM='Lycée des Trois-Rivières <badges@lycee.example>' npm run badges -- notify --send
  npm run badges -- notify --export ~/Documents/annonces.csv
`,
    fr: `Utilisation :
  npm run badges -- notify                       montre les annonces qui attendent dans la boîte d’envoi
  npm run badges -- notify --send [--no-live-check] [--batch <n>] [--rate <per minute>] [--dry-run]
  npm run badges -- notify --export <file.csv> [--separator ";" | "," | tab]
  npm run badges -- notify --csv <roster.csv> [--badge <slug>]        remet en file des attributions existantes
  npm run badges -- notify --expiring <days> --csv <roster.csv> [--badge <slug>]   rappels d’expiration
  npm run badges -- notify --purge

--send utilise le serveur SMTP de INSIGNE_SMTP_URL (smtps://user:password@host:465, ou smtp:// avec
STARTTLS ; SMTP en clair seulement vers une adresse locale) avec l’expéditeur INSIGNE_SMTP_FROM. Chaque
personne reçoit son propre message, dans la langue du badge, une seule fois : une annonce envoyée quitte la
boîte d’envoi, une annonce en échec y reste avec sa raison. Avant l’envoi, chaque page d’attribution doit
répondre 200 à son adresse (--no-live-check saute cette vérification). Les messages peuvent être réécrits
dans content/messages/award.fr.md (award.en.md, expiry.fr.md, expiry.en.md) : une ligne d’en-tête
"subject:", puis le texte, avec ces variables :
{placeholders}

Exemples :
  npm run badges -- notify --dry-run
  INSIGNE_SMTP_URL='smtps://badges%40lycee.example:secret@smtp.lycee.example:465' \\
  INSIGNE_SMTP_FROM='Lycée des Trois-Rivières <badges@lycee.example>' npm run badges -- notify --send
  npm run badges -- notify --export ~/Documents/annonces.csv
`,
  },
  'help.revoke': {
    en: `Usage: npm run badges -- revoke <award-id> --reason "<text>" [--date <day>]
The award id is the name of its file (or paste the award page address). The reason is published.

Examples:
  npm run badges -- revoke 0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e --reason "Awarded by mistake"
  npm run badges -- revoke https://my-school.github.io/badges/awards/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e/ --reason "Doublon" --date 2026-11-30
`,
    fr: `Utilisation : npm run badges -- revoke <award-id> --reason "<text>" [--date <day>]
L’identifiant d’une attribution est le nom de son fichier (ou collez l’adresse de sa page). Le motif est publié.

Exemples :
  npm run badges -- revoke 0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e --reason "Attribué par erreur"
  npm run badges -- revoke https://mon-ecole.github.io/badges/awards/0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e/ --reason "Doublon" --date 2026-11-30
`,
  },
  'help.verify': {
    en: `Usage: npm run badges -- verify <file|url> [--email <address>] [--verbose] [--json] [--site-dir <dir>]
  <file|url>        A baked PNG or SVG, a credential (.json, .jwt), an OB 2.0 assertion (.json, .jws), or a URL.
  --email <address> Also check that the badge was issued to this address (compared locally, sent nowhere).
  --verbose         Print every check of every payload (the default is a summary).
  --json            Print the full report as JSON.
  --site-dir <dir>  Read this site's URLs from a built folder (e.g. dist) instead of the network, and
                    did:web endorsers' documents from their copies under content/endorsers/.

Examples:
  npm run badges -- verify ~/Downloads/robotique-niveau-1.png
  npm run badges -- verify dist/awards/<id>/badge.png --site-dir dist     (before deploying)
  npm run badges -- verify https://my-school.github.io/badges/awards/<id>/credential.json --email lea@example.org
`,
    fr: `Utilisation : npm run badges -- verify <file|url> [--email <address>] [--verbose] [--json] [--site-dir <dir>]
  <file|url>        Un PNG ou SVG cuit, un badge (.json, .jwt), une assertion OB 2.0 (.json, .jws), ou une URL.
  --email <address> Vérifie aussi que le badge a été attribué à cette adresse (comparée sur place, envoyée nulle part).
  --verbose         Affiche chaque vérification de chaque contenu (par défaut, un résumé).
  --json            Affiche le rapport complet en JSON.
  --site-dir <dir>  Lit les URL de ce site dans un dossier construit (par exemple dist) au lieu du réseau,
                    et les documents des recommandeurs did:web dans leurs copies sous content/endorsers/.

Exemples :
  npm run badges -- verify ~/Downloads/robotique-niveau-1.png
  npm run badges -- verify dist/awards/<id>/badge.png --site-dir dist     (avant de déployer)
  npm run badges -- verify https://mon-ecole.github.io/badges/awards/<id>/credential.json --email lea@example.org
`,
  },
  'help.endorse': {
    en: `Usage:
  npm run badges -- endorse request (--badge <slug> | --issuer <slug> | --award <id>)
                   --endorser-name "<name>" --endorser-url <https://…> --comment "<text>" [--out <file>]
  npm run badges -- endorse sign <request.json> --key <endorser key file> [--out <file>]

request (in this project): writes the unsigned endorsement of a badge, an issuer or one award, for the
endorser to sign. Its id is the address where this site will publish it. On a terminal, missing values
are asked for.
sign (on the endorser's machine, no project needed): puts the endorser's did:key (or the did:web their
key file names) in the endorsement and signs it with their key (made by \`npm run badges -- keygen
--endorser <file>\`). The endorser sends the signed file back; the administrator commits it unchanged
under content/endorsements/, and a did:web endorser's DID document under content/endorsers/<host>/did.json.

Examples:
  npm run badges -- endorse request --badge secourisme --endorser-name "Fédération régionale" --endorser-url https://federation.example --comment "Formation conforme à notre référentiel."
  npm run badges -- endorse sign secourisme-federation-regionale.request.json --key federation.private.jwk.json
`,
    fr: `Utilisation :
  npm run badges -- endorse request (--badge <slug> | --issuer <slug> | --award <id>)
                   --endorser-name "<name>" --endorser-url <https://…> --comment "<text>" [--out <file>]
  npm run badges -- endorse sign <request.json> --key <endorser key file> [--out <file>]

request (dans ce projet) : écrit la recommandation non signée d’un badge, d’un émetteur ou d’une
attribution, que son auteur signera. Son identifiant est l’adresse où ce site la publiera. Sur un
terminal, les valeurs manquantes sont demandées.
sign (sur la machine de l’auteur de la recommandation, sans projet) : met son did:key (ou le did:web
que nomme son fichier de clé) dans la recommandation et la signe avec sa clé (créée par \`npm run
badges -- keygen --endorser <file>\`). L’auteur renvoie le fichier signé ; l’administrateur le versionne
sans le modifier sous content/endorsements/, et le document DID d’un auteur identifié par un did:web
sous content/endorsers/<host>/did.json.

Exemples :
  npm run badges -- endorse request --badge secourisme --endorser-name "Fédération régionale" --endorser-url https://federation.example --comment "Formation conforme à notre référentiel."
  npm run badges -- endorse sign secourisme-federation-regionale.request.json --key federation.private.jwk.json
`,
  },
  'help.merge': {
    en: `Usage: npm run badges -- merge <shard dir> <shard dir>… --out <dir> [--sample <n>]
  <shard dir>   The output folder of each shard's build (INSIGNE_SHARD=<k>/<n> npm run build), in any order.
  --out <dir>   Where the merged site goes; it replaces that folder only once every check passed.
  --sample <n>  Awards of each shard verified against the merged site (default 8).

Example:
  npm run badges -- merge shards/1 shards/2 shards/3 --out dist
`,
    fr: `Utilisation : npm run badges -- merge <shard dir> <shard dir>… --out <dir> [--sample <n>]
  <shard dir>   Le dossier de sortie de la construction de chaque fragment (INSIGNE_SHARD=<k>/<n> npm run build),
                dans n’importe quel ordre.
  --out <dir>   Où va le site réuni ; il ne remplace ce dossier qu’une fois toutes les vérifications passées.
  --sample <n>  Nombre d’attributions de chaque fragment vérifiées avec le site réuni (8 par défaut).

Exemple :
  npm run badges -- merge shards/1 shards/2 shards/3 --out dist
`,
  },
  'help.upload': {
    en: `Usage: npm run badges -- upload [<dir>] --s3 <endpoint> --bucket <name> [options]
  <dir>              The built site (default: dist). A preview build or a shard is refused.
  --s3 <endpoint>    The S3 API address: https://s3.<region>.amazonaws.com, https://<account>.r2.cloudflarestorage.com,
                     or your MinIO's, e.g. https://minio.my-school.example.
  --bucket <name>    The bucket the CDN serves.
  --prefix <folder>  A folder in the bucket (the site's base path, e.g. badges); default: the bucket root.
  --region <region>  The signing region (default: AWS_REGION, else us-east-1; R2 accepts auto).
  --parallel <n>     Uploads at once (default 8).
  --dry-run          List each object with its Content-Type and Cache-Control; upload nothing.
Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) from the environment.
Objects are written, never deleted: every published URL must keep answering (docs/deploy.md).

Examples:
  npm run badges -- upload --dry-run --prefix badges
  npm run badges -- upload dist --s3 https://s3.eu-west-3.amazonaws.com --bucket my-school-badges --prefix badges
  npm run badges -- upload --s3 https://<account>.r2.cloudflarestorage.com --bucket badges --region auto
`,
    fr: `Utilisation : npm run badges -- upload [<dir>] --s3 <endpoint> --bucket <name> [options]
  <dir>              Le site construit (par défaut : dist). Une construction d’aperçu ou un fragment est refusé.
  --s3 <endpoint>    L’adresse de l’API S3 : https://s3.<region>.amazonaws.com, https://<account>.r2.cloudflarestorage.com,
                     ou celle de votre MinIO, par exemple https://minio.mon-ecole.example.
  --bucket <name>    Le compartiment (bucket) que sert le CDN.
  --prefix <folder>  Un dossier du compartiment (le chemin de base du site, par exemple badges) ; par défaut :
                     la racine du compartiment.
  --region <region>  La région de signature (par défaut : AWS_REGION, sinon us-east-1 ; R2 accepte auto).
  --parallel <n>     Nombre d’envois simultanés (8 par défaut).
  --dry-run          Liste chaque objet avec son Content-Type et son Cache-Control ; n’envoie rien.
Identifiants : AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY (et AWS_SESSION_TOKEN), lus dans l’environnement.
Les objets sont écrits, jamais supprimés : chaque adresse publiée doit continuer de répondre (docs/deploy.md).

Exemples :
  npm run badges -- upload --dry-run --prefix badges
  npm run badges -- upload dist --s3 https://s3.eu-west-3.amazonaws.com --bucket mon-ecole-badges --prefix badges
  npm run badges -- upload --s3 https://<account>.r2.cloudflarestorage.com --bucket badges --region auto
`,
  },
} as const satisfies Record<string, Bilingual>;
