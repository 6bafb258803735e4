/** The command line's own messages (outcomes, refusals, prompts), in both languages. */
import type { Bilingual } from './catalogue.ts';

export const cliMessages = {
  'cli.unknownCommand': { en: 'Unknown command "{name}".', fr: 'Commande inconnue : « {name} ».' },
  'cli.unknownLanguage': {
    en: 'Unknown language "{value}" for --lang: use --lang en or --lang fr.',
    fr: 'Langue inconnue « {value} » pour --lang : utilisez --lang en ou --lang fr.',
  },
  'check.noArguments': {
    en: '"check" takes no arguments (got: {args}).',
    fr: '« check » ne prend aucun argument (reçu : {args}).',
  },
  'check.valid': {
    en: '✔ Content is valid: {issuers} issuer(s), {badges} badge(s), {awards} award(s).',
    fr: '✔ Le contenu est valide : {issuers} émetteur(s), {badges} badge(s), {awards} attribution(s).',
  },
  'build.contentProblems': {
    en: '{count} content problem(s); see the list above. Nothing was published.',
    fr: '{count} problème(s) de contenu ; voir la liste ci-dessus. Rien n’a été publié.',
  },
  'build.contentValid': {
    en: 'content: {issuers} issuer(s), {badges} badge(s), {awards} award(s), no problems',
    fr: 'contenu : {issuers} émetteur(s), {badges} badge(s), {awards} attribution(s), aucun problème',
  },

  // keygen
  'keygen.noIssuer': {
    en: 'No issuer "{issuer}": content/issuers/{issuer}.yaml does not exist.',
    fr: 'Aucun émetteur « {issuer} » : content/issuers/{issuer}.yaml n’existe pas.',
  },
  'keygen.invalidYaml': {
    en: 'content/issuers/{issuer}.yaml is not valid YAML; run `npm run badges -- check` first.',
    fr: 'content/issuers/{issuer}.yaml n’est pas du YAML valide ; lancez d’abord `npm run badges -- check`.',
  },
  'keygen.keysNotList': {
    en: 'content/issuers/{issuer}.yaml: "keys" must be a list; run `npm run badges -- check`.',
    fr: 'content/issuers/{issuer}.yaml : « keys » doit être une liste ; lancez `npm run badges -- check`.',
  },
  'keygen.cannotEdit': {
    en: 'content/issuers/{issuer}.yaml: {reason}.',
    fr: 'content/issuers/{issuer}.yaml ne peut pas être modifié : {reason}.',
  },
  'keygen.written': {
    en: '✔ {algorithm} key "{id}": private half written to {path}',
    fr: '✔ Clé {algorithm} « {id} » : moitié privée écrite dans {path}',
  },
  'keygen.retired': {
    en: ' (older keys marked retired; they stay published)',
    fr: ' (les anciennes clés sont marquées retirées ; elles restent publiées)',
  },
  'keygen.done': {
    en: `✔ Public keys added to content/issuers/{issuer}.yaml{retired}.

Next steps:
  1. Commit content/issuers/{issuer}.yaml and {lockFile}. Never commit {keysDir}/ (it is git-ignored).
  2. Store the private keys as ONE repository secret named {keysEnv}:
       gh secret set {keysEnv} < {keysDir}/{secretFile}
     or paste the content of {keysDir}/{secretFile} in Settings → Secrets and variables → Actions.
  3. Keep a backup of {keysDir}/ somewhere safe (a password manager). Local builds read it directly.
`,
    fr: `✔ Clés publiques ajoutées à content/issuers/{issuer}.yaml{retired}.

Étapes suivantes :
  1. Committez content/issuers/{issuer}.yaml et {lockFile}. Ne committez jamais {keysDir}/ (git l’ignore).
  2. Enregistrez les clés privées comme UN SEUL secret de dépôt nommé {keysEnv} :
       gh secret set {keysEnv} < {keysDir}/{secretFile}
     ou collez le contenu de {keysDir}/{secretFile} dans Settings → Secrets and variables → Actions.
  3. Gardez une copie de {keysDir}/ en lieu sûr (un gestionnaire de mots de passe). Les constructions locales le lisent directement.
`,
  },

  // keys
  'keys.contentProblems': {
    en: '✖ The content has problems: run `npm run badges -- check` and fix them first.',
    fr: '✖ Le contenu a des problèmes : lancez `npm run badges -- check` et corrigez-les d’abord.',
  },
  'keys.none': {
    en: '✖ {keysDir}/ holds no private key: run `npm run badges -- keygen <issuer>` first.',
    fr: '✖ {keysDir}/ ne contient aucune clé privée : lancez d’abord `npm run badges -- keygen <issuer>`.',
  },
  'keys.leftOut': {
    en: '  − left out "{id}" of issuer "{issuer}", which no longer exists (`keys forget {issuer}` removes it)',
    fr: '  − « {id} » laissée de côté : son émetteur « {issuer} » n’existe plus (`keys forget {issuer}` la supprime)',
  },
  'keys.rewritten': {
    en: `✔ {file} rewritten with {keys} private key(s) of {issuers} issuer(s).
  Set the repository secret from it: gh secret set {keysEnv} < {file}
`,
    fr: `✔ {file} réécrit avec {keys} clé(s) privée(s) de {issuers} émetteur(s).
  Redéfinissez le secret du dépôt à partir de ce fichier : gh secret set {keysEnv} < {file}
`,
  },
  'keys.stillExists': {
    en: '✖ content/issuers/{issuer}.yaml still exists: "keys forget" is only for an issuer whose file was deleted. Nothing was changed.',
    fr: '✖ content/issuers/{issuer}.yaml existe encore : « keys forget » ne sert que pour un émetteur dont le fichier a été supprimé. Rien n’a été modifié.',
  },
  'keys.unknownIssuer': {
    en: '✖ Nothing is known of issuer "{issuer}": neither {lockFile} nor {keysDir}/ names it.',
    fr: '✖ L’émetteur « {issuer} » est inconnu : ni {lockFile} ni {keysDir}/ ne le nomment.',
  },
  'keys.forgotten.fromLock': { en: 'removed from {lockFile}, ', fr: 'retiré de {lockFile}, ' },
  'keys.forgotten': {
    en: `✔ Issuer "{issuer}" forgotten: {fromLock}{keys} private key(s) deleted from {keysDir}/.
  Badges it issued no longer verify: its keys are no longer published.
  Next: commit {lockFile}, and set the {keysEnv} secret again: gh secret set {keysEnv} < {keysDir}/{secretFile}
`,
    fr: `✔ Émetteur « {issuer} » oublié : {fromLock}{keys} clé(s) privée(s) supprimée(s) de {keysDir}/.
  Les badges qu’il a émis ne sont plus vérifiables : ses clés ne sont plus publiées.
  Ensuite : committez {lockFile}, et redéfinissez le secret {keysEnv} : gh secret set {keysEnv} < {keysDir}/{secretFile}
`,
  },

  // list
  'list.noArguments': {
    en: '"list" takes no other arguments.',
    fr: '« list » ne prend pas d’autre argument.',
  },
  'list.none': { en: 'No awards yet.', fr: 'Aucune attribution pour l’instant.' },
  'list.noneOf': {
    en: 'No awards of "{badge}" yet.',
    fr: 'Aucune attribution de « {badge} » pour l’instant.',
  },
  'list.revoked': { en: 'revoked {date}', fr: 'révoquée le {date}' },
  'list.expired': { en: 'expired {date}', fr: 'expirée le {date}' },
  'list.valid': { en: 'valid', fr: 'valide' },
  'list.header': { en: 'ISSUED STATUS BADGE ID NAME PAGE', fr: 'ATTRIBUÉE ÉTAT BADGE ID NOM PAGE' },
  'list.total.one': {
    en: '{count} award: {valid} valid, {expired} expired, {revoked} revoked.',
    fr: '{count} attribution : {valid} valide(s), {expired} expirée(s), {revoked} révoquée(s).',
  },
  'list.total.other': {
    en: '{count} awards: {valid} valid, {expired} expired, {revoked} revoked.',
    fr: '{count} attributions : {valid} valide(s), {expired} expirée(s), {revoked} révoquée(s).',
  },
  'list.pending.one': {
    en: '{count} announcement to earners waiting in the outbox: `npm run badges -- notify` sends or exports them.',
    fr: '{count} annonce aux lauréats attend dans la boîte d’envoi : `npm run badges -- notify` l’envoie ou l’exporte.',
  },
  'list.pending.other': {
    en: '{count} announcements to earners waiting in the outbox: `npm run badges -- notify` sends or exports them.',
    fr: '{count} annonces aux lauréats attendent dans la boîte d’envoi : `npm run badges -- notify` les envoie ou les exporte.',
  },

  // icons
  'icons.noWord': { en: '"icons" needs a word to look for.', fr: '« icons » a besoin d’un mot à chercher.' },
  'icons.none': {
    en: 'No icon matches "{query}". Try a broader or an English word (icon names and tags are English), list every name with `npm run badges -- icons --list`, or browse them with pictures at https://lucide.dev/icons (the name under each picture is what `icon:` takes).',
    fr: 'Aucune icône ne correspond à « {query} ». Essayez un mot plus général ou un mot anglais (les noms et étiquettes des icônes sont en anglais), listez tous les noms avec `npm run badges -- icons --list`, ou parcourez-les en images sur https://lucide.dev/icons (le nom sous chaque image est ce qu’attend `icon:`).',
  },
  'icons.frenchWord': { en: 'French "{french}" → {english}', fr: 'mot français « {french} » → {english}' },
  'icons.found.one': {
    en: '{count} icon for "{query}"{french}:',
    fr: '{count} icône pour « {query} »{french} :',
  },
  'icons.found.other': {
    en: '{count} icons for "{query}"{french}:',
    fr: '{count} icônes pour « {query} »{french} :',
  },
  'icons.more': {
    en: '… and {count} more (--all shows them).',
    fr: '… et {count} autres (--all les montre).',
  },
  'icons.inBadgeFile': { en: 'In a badge file:', fr: 'Dans un fichier de badge :' },
  'icons.reason.french': { en: '(French "{word}")', fr: '(mot français « {word} »)' },
  'icons.reason.name': { en: 'name', fr: 'nom' },
  'icons.reason.namePart': { en: 'name contains "{term}"', fr: 'le nom contient « {term} »' },
  'icons.reason.namePrefix': { en: 'name starts like "{term}"', fr: 'le nom commence comme « {term} »' },
  'icons.reason.alias': { en: 'old name "{alias}"', fr: 'ancien nom « {alias} »' },
  'icons.reason.tag': { en: 'tag "{tag}"', fr: 'étiquette « {tag} »' },
  'icons.reason.similarName': { en: 'name close to "{term}"', fr: 'nom proche de « {term} »' },
  'icons.reason.similarTag': {
    en: 'tag "{tag}", close to "{term}"',
    fr: 'étiquette « {tag} », proche de « {term} »',
  },

  // new
  'new.badIssuerSlug': {
    en: '✖ "{slug}" cannot be an issuer slug: use lower-case letters, digits and single dashes (for example club-velo).',
    fr: '✖ « {slug} » ne peut pas être le slug d’un émetteur : utilisez des minuscules, des chiffres et des tirets simples (par exemple club-velo).',
  },
  'new.badBadgeSlug': {
    en: '✖ "{slug}" cannot be a badge slug: use lower-case letters, digits and single dashes (for example club-velo).',
    fr: '✖ « {slug} » ne peut pas être le slug d’un badge : utilisez des minuscules, des chiffres et des tirets simples (par exemple club-velo).',
  },
  'new.badLanguage': {
    en: '✖ --language must be fr or en, not "{value}".',
    fr: '✖ --language doit valoir fr ou en, pas « {value} ».',
  },
  'new.exists': {
    en: '✖ {file} already exists: nothing was written.',
    fr: '✖ {file} existe déjà : rien n’a été écrit.',
  },
  'new.missing': { en: '✖ Missing {options}.', fr: '✖ Il manque {options}.' },
  'new.written': {
    en: '✔ Wrote {file}. Edit it, then run `npm run badges -- check`.',
    fr: '✔ {file} écrit. Modifiez-le, puis lancez `npm run badges -- check`.',
  },
  'new.nextKeygen': {
    en: '  Next: `npm run badges -- keygen {slug}` makes its signing keys.',
    fr: '  Ensuite : `npm run badges -- keygen {slug}` crée ses clés de signature.',
  },
  'new.otherProblems': {
    en: '  Note: the rest of the content has {count} problem(s); `npm run badges -- check` lists them.',
    fr: '  Remarque : le reste du contenu a {count} problème(s) ; `npm run badges -- check` les liste.',
  },
  'new.noIssuer': {
    en: 'No issuer "{issuer}": create it first with `npm run badges -- new issuer {slug} …`.',
    fr: 'Aucun émetteur « {issuer} » : créez-le d’abord avec `npm run badges -- new issuer {slug} …`.',
  },
  'new.didYouMean': { en: ' Did you mean "{name}"?', fr: ' Vouliez-vous dire « {name} » ?' },
  'new.unknown.shape': {
    en: 'Unknown shape "{value}".{guess} Choose one of: {allowed}.',
    fr: 'Forme inconnue : « {value} ».{guess} Choisissez parmi : {allowed}.',
  },
  'new.unknown.palette': {
    en: 'Unknown palette "{value}".{guess} Choose one of: {allowed}.',
    fr: 'Palette inconnue : « {value} ».{guess} Choisissez parmi : {allowed}.',
  },
  'new.unknown.type': {
    en: 'Unknown type "{value}".{guess} Choose one of: {allowed}.',
    fr: 'Type inconnu : « {value} ».{guess} Choisissez parmi : {allowed}.',
  },
  'icons.unknown': {
    en: 'No icon "{name}" in the {set} icon set.{guess} Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
    fr: 'Aucune icône « {name} » dans le jeu d’icônes {set}.{guess} Cherchez des icônes par mot français ou anglais avec `npm run badges -- icons <mot>`, ou parcourez https://lucide.dev/icons.',
  },
  'icons.unknown.didYouMean': { en: ' Did you mean {names}?', fr: ' Vouliez-vous dire {names} ?' },
} as const satisfies Record<string, Bilingual>;
