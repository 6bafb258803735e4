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
  'check.validEndorsed': {
    en: '✔ Content is valid: {issuers} issuer(s), {badges} badge(s), {awards} award(s), {endorsements} endorsement(s).',
    fr: '✔ Le contenu est valide : {issuers} émetteur(s), {badges} badge(s), {awards} attribution(s), {endorsements} recommandation(s).',
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

  // What the authoring commands share (authoring.ts)
  'options.refused': { en: '{detail}.', fr: 'Option refusée : {detail}.' },
  'authoring.noBadge': {
    en: '✖ No badge "{slug}" exists.{guess} Badges are the files in content/badges/ ({badges}).',
    fr: '✖ Il n’existe aucun badge « {slug} ».{guess} Les badges sont les fichiers de content/badges/ ({badges}).',
  },
  'authoring.noneYet': { en: 'none yet', fr: 'aucun pour l’instant' },
  'authoring.fileExists': {
    en: '{file} already exists; it was not overwritten.',
    fr: '{file} existe déjà ; il n’a pas été écrasé.',
  },
  'roster.noFile': {
    en: '✖ No file {file}: check the path (it is relative to the project folder).',
    fr: '✖ Aucun fichier {file} : vérifiez le chemin (il part du dossier du projet).',
  },
  'roster.cannotRead': { en: '✖ Cannot read {file} ({code}).', fr: '✖ Impossible de lire {file} ({code}).' },
  'roster.unknownError': { en: 'unknown error', fr: 'erreur inconnue' },
  'roster.insideProject': {
    en: '⚠ {file} is inside the project folder and holds email addresses: never commit it. Keep rosters outside the repository.',
    fr: '⚠ {file} est dans le dossier du projet et contient des adresses électroniques : ne le committez jamais. Gardez les listes hors du dépôt.',
  },
  'roster.where': { en: '{file}, line {line}', fr: '{file}, ligne {line}' },

  // revoke
  'revoke.whichAward': {
    en: 'Which award? Give its id.',
    fr: 'Quelle attribution ? Donnez son identifiant.',
  },
  'revoke.oneAward': {
    en: 'Give one award id (put quotes around the reason).',
    fr: 'Donnez un seul identifiant d’attribution (mettez le motif entre guillemets).',
  },
  'revoke.reasonRequired': {
    en: 'A reason is required: --reason "<text>" (verifiers see it).',
    fr: 'Un motif est obligatoire : --reason "<texte>" (les vérificateurs le voient).',
  },
  'revoke.notAnId': {
    en: '✖ "{value}" is not an award id (a UUID such as 0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e).',
    fr: '✖ « {value} » n’est pas un identifiant d’attribution (un UUID comme 0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e).',
  },
  'revoke.emptyReason': { en: 'The reason is empty.', fr: 'Le motif est vide.' },
  'revoke.noAward': {
    en: '✖ No award {id}. `npm run badges -- list` shows every award with its id.',
    fr: '✖ Aucune attribution {id}. `npm run badges -- list` montre chaque attribution avec son identifiant.',
  },
  'revoke.already': {
    en: '✖ Award {id} ({who}) was already revoked on {date}: "{reason}". Nothing was written.',
    fr: '✖ L’attribution {id} ({who}) a déjà été révoquée le {date} : « {reason} ». Rien n’a été écrit.',
  },
  'revoke.dateRange': {
    en: '✖ --date: The revocation date {date} must be between the issue date {issuedOn} and today ({today}). Nothing was written.',
    fr: '✖ --date : la date de révocation {date} doit se situer entre la date d’attribution {issuedOn} et aujourd’hui ({today}). Rien n’a été écrit.',
  },
  'revoke.done': {
    en: `✔ Revoked award {id} ({who}) on {date}: {file}
Next: commit and push. Once the site is rebuilt, verifiers see the award as revoked (this is permanent:
to correct a mistake, award the badge again).
`,
    fr: `✔ Attribution {id} ({who}) révoquée le {date} : {file}
Ensuite : committez et poussez. Une fois le site reconstruit, les vérificateurs voient l’attribution comme
révoquée (c’est définitif : pour corriger une erreur, attribuez de nouveau le badge).
`,
  },

  // award
  'award.unexpectedValue': {
    en: 'Unexpected value without an option name: put quotes around values that hold spaces (--name "Léa Martin").',
    fr: 'Valeur inattendue sans nom d’option : mettez entre guillemets les valeurs qui contiennent des espaces (--name "Léa Martin").',
  },
  'award.whichBadge': { en: 'Which badge? Give --badge <slug>.', fr: 'Quel badge ? Donnez --badge <slug>.' },
  'award.csvOrPerson': {
    en: 'Give either --csv, or --name and --email, not both.',
    fr: 'Donnez soit --csv, soit --name et --email, pas les deux.',
  },
  'award.nameAndEmail': {
    en: 'Give --name and --email to award one person, or --csv to award a roster.',
    fr: 'Donnez --name et --email pour attribuer le badge à une personne, ou --csv pour une liste.',
  },
  'award.skipInvalidCsvOnly': {
    en: '--skip-invalid only applies to --csv rosters.',
    fr: '--skip-invalid ne s’applique qu’aux listes --csv.',
  },
  'award.cannotAward': {
    en: '✖ Cannot award "{badge}". Nothing was written.',
    fr: '✖ Impossible d’attribuer « {badge} ». Rien n’a été écrit.',
  },
  'award.alreadyHeld': {
    en: '= Already awarded: this person holds "{badge}" (award {id}, {name}, valid). Nothing was written.',
    fr: '= Déjà attribué : cette personne détient « {badge} » (attribution {id}, {name}, valide). Rien n’a été écrit.',
  },
  'award.wouldAward': {
    en: 'Would award "{badge}" to {name}: {file}{renews}',
    fr: 'Attribuerait « {badge} » à {name} : {file}{renews}',
  },
  'award.awarded': {
    en: '✔ Awarded "{badge}" to {name}: {file}{renews}',
    fr: '✔ « {badge} » attribué à {name} : {file}{renews}',
  },
  'award.page': { en: 'page: {url}', fr: 'page : {url}' },
  'award.dryRun': { en: 'Dry run, nothing was written.', fr: 'Essai à blanc, rien n’a été écrit.' },
  'award.rowHeld': {
    en: '  = line {line}  {name}: already awarded (award {id}, {holder})',
    fr: '  = ligne {line}  {name} : déjà attribué (attribution {id}, {holder})',
  },
  'award.rowWouldCreate': {
    en: '  ✔ line {line}  {name}: would create {file}{renews}',
    fr: '  ✔ ligne {line}  {name} : créerait {file}{renews}',
  },
  'award.rowCreated': {
    en: '  ✔ line {line}  {name}: created {file}{renews}',
    fr: '  ✔ ligne {line}  {name} : {file} créé{renews}',
  },
  'award.rosterDryRun': {
    en: 'Dry run, nothing was written. "{badge}": would create {created}, skip {skipped} as already awarded, reject {rejected}.',
    fr: 'Essai à blanc, rien n’a été écrit. « {badge} » : {created} à créer, {skipped} à sauter car déjà attribuées, {rejected} refusées.',
  },
  'award.rosterDone': {
    en: '"{badge}": created {created}, skipped {skipped} as already awarded, rejected {rejected}.',
    fr: '« {badge} » : {created} créée(s), {skipped} sautée(s) car déjà attribuées, {rejected} refusée(s).',
  },
  'award.writeFailed': {
    en: '✖ Writing the award files failed ({reason}). Nothing was written.',
    fr: '✖ L’écriture des fichiers d’attribution a échoué ({reason}). Rien n’a été écrit.',
  },
  'award.renews': { en: ' (renews award {id}, {state})', fr: ' (renouvelle l’attribution {id}, {state})' },
  'award.state.expired': { en: 'expired', fr: 'expirée' },
  'award.state.revoked': { en: 'revoked', fr: 'révoquée' },
  'award.next.one': {
    en: 'Next: commit content/awards/ and push; the site publishes the new award. Then `npm run badges -- notify --send` (or `--export <file.csv>`) tells the earner: {count} announcement queued in .outbox/ (never committed).',
    fr: 'Ensuite : committez content/awards/ et poussez ; le site publie la nouvelle attribution. Puis `npm run badges -- notify --send` (ou `--export <file.csv>`) prévient la personne : {count} annonce en attente dans .outbox/ (jamais committée).',
  },
  'award.next.other': {
    en: 'Next: commit content/awards/ and push; the site publishes the new awards. Then `npm run badges -- notify --send` (or `--export <file.csv>`) tells the earners: {count} announcements queued in .outbox/ (never committed).',
    fr: 'Ensuite : committez content/awards/ et poussez ; le site publie les nouvelles attributions. Puis `npm run badges -- notify --send` (ou `--export <file.csv>`) prévient les personnes : {count} annonces en attente dans .outbox/ (jamais committées).',
  },
  'award.separated.comma': { en: 'comma', fr: 'virgules' },
  'award.separated.semicolon': { en: 'semicolon', fr: 'points-virgules' },
  'award.separated.tab': { en: 'tab', fr: 'tabulations' },
  'award.roster.one': {
    en: 'Roster {file}: {encoding}, {separator}-separated, {count} row.',
    fr: 'Liste {file} : {encoding}, séparée par des {separator}, {count} ligne.',
  },
  'award.roster.other': {
    en: 'Roster {file}: {encoding}, {separator}-separated, {count} rows.',
    fr: 'Liste {file} : {encoding}, séparée par des {separator}, {count} lignes.',
  },
  'award.columns': { en: 'Columns: {columns}', fr: 'Colonnes : {columns}' },
  'award.ignoredColumns': { en: 'Ignored columns: {columns}', fr: 'Colonnes ignorées : {columns}' },
  'award.field.row': { en: 'row', fr: 'ligne' },
  'award.field.name': { en: 'name', fr: 'nom' },
  'award.field.email': { en: 'email', fr: 'courriel' },
  'award.field.issuedOn': { en: 'issue date', fr: 'date d’attribution' },
  'award.field.expires': { en: 'expiry', fr: 'expiration' },
  'award.field.evidence': { en: 'evidence', fr: 'preuve' },
  'award.field.narrative': { en: 'narrative', fr: 'récit' },
  'award.rejectedSkipped.one': {
    en: '⚠ {count} of {total} rows of {file} is rejected and left out (--skip-invalid):',
    fr: '⚠ {count} ligne sur {total} de {file} est refusée et laissée de côté (--skip-invalid) :',
  },
  'award.rejectedSkipped.other': {
    en: '⚠ {count} of {total} rows of {file} are rejected and left out (--skip-invalid):',
    fr: '⚠ {count} lignes sur {total} de {file} sont refusées et laissées de côté (--skip-invalid) :',
  },
  'award.rejectedWrong.one': {
    en: '✖ {count} of {total} rows of {file} is wrong. Nothing was written.',
    fr: '✖ {count} ligne sur {total} de {file} est incorrecte. Rien n’a été écrit.',
  },
  'award.rejectedWrong.other': {
    en: '✖ {count} of {total} rows of {file} are wrong. Nothing was written.',
    fr: '✖ {count} lignes sur {total} de {file} sont incorrectes. Rien n’a été écrit.',
  },
  'award.rowProblem': {
    en: 'line {line}  {name}{field}: {problem}',
    fr: 'ligne {line}  {name}{field} : {problem}',
  },
  'award.correctRows': {
    en: 'Correct these rows and run the command again, or add --skip-invalid to award the other rows now.',
    fr: 'Corrigez ces lignes et relancez la commande, ou ajoutez --skip-invalid pour attribuer dès maintenant les autres lignes.',
  },

  // The build (integration.ts, build/build-lock.ts)
  'build.preview': {
    en: `
  ==================================================================
  PREVIEW BUILD: no signing key is configured, so this site is signed
  with throwaway keys. Its badges are NOT the issuer's own and must
  not be deployed. Run \`npm run badges -- keygen <issuer>\` (README, Keys).
  ==================================================================
`,
    fr: `
  ==================================================================
  CONSTRUCTION D’APERÇU : aucune clé de signature n’est configurée, ce
  site est donc signé avec des clés jetables. Ses badges ne sont PAS
  ceux de l’émetteur et ne doivent pas être déployés. Lancez
  \`npm run badges -- keygen <issuer>\` (README, Keys).
  ==================================================================
`,
  },
  'build.credentials': {
    en: 'credentials: {files} data files built, signed and baked',
    fr: 'badges : {files} fichiers de données construits, signés et cuits',
  },
  'build.selfCheckFailed': {
    en: 'The self-check failed: see the report above. Nothing was published.',
    fr: 'L’autovérification a échoué : voir le rapport ci-dessus. Rien n’a été publié.',
  },
  'build.leakGate': {
    en: 'leak gate: {files} files ({size} MB) searched, no private key material',
    fr: 'contrôle des fuites : {files} fichiers ({size} Mo) examinés, aucune clé privée',
  },
  'build.published': { en: 'published to {folder}', fr: 'publié dans {folder}' },
  'build.restored': {
    en: 'An earlier build was interrupted while publishing: the previous site was restored.',
    fr: 'Une construction précédente a été interrompue pendant la publication : le site précédent a été remis en place.',
  },
  'build.removedLeftovers': {
    en: 'Removed what interrupted builds left behind: {folders}.',
    fr: 'Suppression de ce que des constructions interrompues avaient laissé : {folders}.',
  },
  'lock.owner': { en: 'pid {pid}{host}, since {since}', fr: 'pid {pid}{host}, depuis {since}' },
  'lock.onHost': { en: ' on {host}', fr: ' sur {host}' },
  'lock.unreadable': { en: 'its lock file cannot be read', fr: 'son fichier de verrou est illisible' },
  'lock.busy': {
    en: 'Another build of this site is running ({who}). Wait for it to finish, then build again. If no build is running (one stopped on another machine leaves its lock), delete {file} next to the output folder.',
    fr: 'Une autre construction de ce site est en cours ({who}). Attendez qu’elle se termine, puis relancez. Si aucune construction n’est en cours (une construction arrêtée sur une autre machine laisse son verrou), supprimez {file} à côté du dossier de sortie.',
  },
  // endorse request / endorse sign / keygen --endorser (endorse.ts), and the checks of a request (sign.ts).
  'endorse.request.notObject': {
    en: 'The file does not hold a JSON object.',
    fr: 'Le fichier ne contient pas d’objet JSON.',
  },
  'endorse.request.type': {
    en: '"type" does not include EndorsementCredential: this is not an endorsement request.',
    fr: '"type" ne contient pas EndorsementCredential : ce n’est pas une demande de recommandation.',
  },
  'endorse.request.id': {
    en: '"id" is missing: the request names where the endorsement will be published.',
    fr: '"id" manque : la demande indique où la recommandation sera publiée.',
  },
  'endorse.request.subject': {
    en: '"credentialSubject.id" is missing: the request names what is endorsed.',
    fr: '"credentialSubject.id" manque : la demande indique ce qui est recommandé.',
  },
  'endorse.request.name': {
    en: `"issuer.name" is missing: the endorser's name is shown with the endorsement.`,
    fr: '"issuer.name" manque : le nom de l’auteur de la recommandation est affiché avec elle.',
  },
  'endorse.request.signed': {
    en: 'The file is already signed (it has a "proof"); sign the unsigned request instead.',
    fr: 'Le fichier est déjà signé (il a une "proof") ; signez plutôt la demande non signée.',
  },
  'endorse.oneSubject': {
    en: '✖ Endorse one thing at a time: give only one of --badge, --issuer, --award.',
    fr: '✖ Recommandez une seule chose à la fois : donnez une seule des options --badge, --issuer, --award.',
  },
  'endorse.askBadge': {
    en: 'badge (slug of the endorsed badge): ',
    fr: 'badge (slug du badge recommandé) : ',
  },
  'endorse.missing': { en: '✖ Missing {options}.', fr: '✖ Il manque {options}.' },
  'endorse.missingSubject': { en: '--badge (or --issuer, --award)', fr: '--badge (ou --issuer, --award)' },
  'endorse.text.empty': { en: '{^what} is empty.', fr: '{^what} est vide.' },
  'endorse.text.tooLong': {
    en: '{^what} is too long: {length} characters, at most {max}.',
    fr: '{^what} est trop long : {length} caractères, {max} au plus.',
  },
  'endorse.text.unsafe': {
    en: '{^what} holds control or direction-changing characters.',
    fr: '{^what} contient des caractères de contrôle ou qui changent le sens d’écriture.',
  },
  'endorse.text.name': { en: 'the endorser name', fr: 'le nom de l’auteur de la recommandation' },
  'endorse.text.comment': { en: 'the comment', fr: 'le commentaire' },
  'endorse.badUrl': {
    en: `--endorser-url must be the endorser's web address (https://…), not "{value}".`,
    fr: '--endorser-url doit être l’adresse web de l’auteur de la recommandation (https://…), et non « {value} ».',
  },
  'endorse.siteUnknown': {
    en: '✖ {reason}\n  Set `site` and `base` in astro.config.mjs as plain strings.',
    fr: '✖ {reason}\n  Définissez `site` et `base` dans astro.config.mjs sous forme de simples chaînes.',
  },
  'endorse.noIssuer': {
    en: '✖ No issuer "{slug}" exists.{guess} Issuers are the files in content/issuers/.',
    fr: '✖ Il n’existe aucun émetteur « {slug} ».{guess} Les émetteurs sont les fichiers de content/issuers/.',
  },
  'endorse.noAward': {
    en: '✖ No award "{id}" exists: give the id of an award (its file name under content/awards/, also in `npm run badges -- list`).',
    fr: '✖ Il n’existe aucune attribution « {id} » : donnez l’identifiant d’une attribution (le nom de son fichier sous content/awards/, aussi dans `npm run badges -- list`).',
  },
  'endorse.exists': {
    en: '✖ {file} already exists: nothing was written.',
    fr: '✖ {file} existe déjà : rien n’a été écrit.',
  },
  'endorse.requestWritten': {
    en: `✔ Endorsement request written to {file}.
  It endorses {subject} and will be published at {id}.

Next steps:
  1. Send {name} to {endorser}. They make a key once (\`npm run badges -- keygen --endorser <file>\`)
     and sign: npm run badges -- endorse sign {name} --key <their key file>
  2. Commit the signed file they send back, unchanged, under content/endorsements/, then run
     \`npm run badges -- check\`.
`,
    fr: `✔ Demande de recommandation écrite dans {file}.
  Elle recommande {subject} et sera publiée à l’adresse {id}.

Étapes suivantes :
  1. Envoyez {name} à {endorser}. Cette personne ou cet organisme crée une clé une fois pour toutes
     (\`npm run badges -- keygen --endorser <file>\`) et signe : npm run badges -- endorse sign {name} --key <their key file>
  2. Versionnez sans le modifier le fichier signé qui vous est renvoyé, sous content/endorsements/, puis lancez
     \`npm run badges -- check\`.
`,
  },
  'endorse.giveFileAndKey': {
    en: '✖ Give the request file and --key <endorser key file>.',
    fr: '✖ Donnez le fichier de demande et --key <endorser key file>.',
  },
  'endorse.fileMissing': { en: '✖ {file} does not exist.', fr: '✖ {file} n’existe pas.' },
  'endorse.fileNotJson': { en: '✖ {file} is not valid JSON.', fr: '✖ {file} n’est pas du JSON valide.' },
  'endorse.keyMissing': {
    en: '✖ {file} does not exist. Make a key with `npm run badges -- keygen --endorser {name}`.',
    fr: '✖ {file} n’existe pas. Créez une clé avec `npm run badges -- keygen --endorser {name}`.',
  },
  'endorse.keyRefused': { en: '✖ {file}: {reason}', fr: '✖ {file} : {reason}' },
  'endorse.key.unreadable': {
    en: 'it could not be read as an endorser key file (JSON).',
    fr: 'il n’a pas pu être lu comme un fichier de clé de recommandeur (JSON).',
  },
  'endorse.key.notEndorserKey': {
    en: 'it is not an endorser key (make one with `npm run badges -- keygen --endorser <file>`).',
    fr: 'ce n’est pas une clé de recommandeur (créez-en une avec `npm run badges -- keygen --endorser <file>`).',
  },
  'endorse.key.damaged': {
    en: 'its key could not be imported: the file is damaged.',
    fr: 'sa clé n’a pas pu être importée : le fichier est endommagé.',
  },
  'endorse.cannotSign': { en: '✖ {file} cannot be signed:', fr: '✖ {file} ne peut pas être signé :' },
  'endorse.signed': {
    en: `✔ Signed as {did}: {file}.
  Send {name} back to the badge's administrator; they commit it unchanged under
  content/endorsements/. Any change to it breaks the signature.
`,
    fr: `✔ Signé en tant que {did} : {file}.
  Renvoyez {name} à l’administrateur du badge ; il le versionne sans le modifier sous
  content/endorsements/. Toute modification casse la signature.
`,
  },
  'endorse.didWebRefused': { en: '✖ --did-web: {reason}', fr: '✖ --did-web : {reason}' },
  'didWeb.url.invalid': {
    en: "it must be the https address of the endorser's site, such as https://federation.example or https://example.org/people/ana.",
    fr: 'ce doit être l’adresse https du site de l’auteur de la recommandation, comme https://federation.example ou https://example.org/people/ana.',
  },
  'didWeb.url.notHttps': {
    en: 'a did:web is only ever read over https: give the https:// address of the site.',
    fr: 'un did:web n’est lu qu’en https : donnez l’adresse https:// du site.',
  },
  'didWeb.url.credentials': {
    en: 'the address holds a user name or password, which a did:web cannot carry.',
    fr: 'l’adresse contient un nom d’utilisateur ou un mot de passe, qu’un did:web ne peut pas porter.',
  },
  'didWeb.url.query': {
    en: 'a did:web cannot carry a query (`?…`) or a fragment (`#…`): give the address of the site, or of a folder of it.',
    fr: 'un did:web ne peut porter ni requête (`?…`) ni fragment (`#…`) : donnez l’adresse du site, ou d’un de ses dossiers.',
  },
  'didWeb.url.host': {
    en: 'its host cannot be written in a did:web: give a domain name.',
    fr: 'son hôte ne peut pas s’écrire dans un did:web : donnez un nom de domaine.',
  },
  'endorse.didWebNeedsEndorser': {
    en: '✖ --did-web goes with --endorser <file>: it makes an endorser key identified by that did:web.',
    fr: '✖ --did-web va avec --endorser <file> : il crée une clé de recommandeur identifiée par ce did:web.',
  },
  'endorse.didDocumentWritten': {
    en: `  Your DID document (public key only) is in {file}. Publish it unchanged at
    {url}
  served with the header \`Access-Control-Allow-Origin: *\` so that verify pages of other sites can read
  it (GitHub Pages sends it). Send it to the badge's administrator with your signed endorsement: they
  commit it as {pinned}, the copy their checks and build read.`,
    fr: `  Votre document DID (clé publique seulement) est dans {file}. Publiez-le sans le modifier à
    {url}
  servi avec l’en-tête \`Access-Control-Allow-Origin: *\` pour que les pages de vérification d’autres sites
  puissent le lire (GitHub Pages l’envoie). Envoyez-le à l’administrateur du badge avec votre
  recommandation signée : il le versionne sous le nom {pinned}, la copie que lisent ses vérifications
  et sa construction.`,
  },
  'endorse.signed.didWeb': {
    en: `  With it, send your DID document (keygen wrote it beside your key): they commit it as
  {pinned}. Keep it published at {url}.
`,
    fr: `  Joignez-y votre document DID (keygen l’a écrit à côté de votre clé) : il le versionne sous le nom
  {pinned}. Gardez-le publié à {url}.
`,
  },
  'endorse.keyExists': {
    en: '✖ {file} already exists: nothing was written (a key is never overwritten).',
    fr: '✖ {file} existe déjà : rien n’a été écrit (une clé n’est jamais écrasée).',
  },
  'endorse.keyNotWritten': {
    en: '✖ {file} could not be written: {reason}',
    fr: '✖ {file} n’a pas pu être écrit : {reason}',
  },
  'endorse.keyWritten': {
    en: '✔ Endorser key written to {file} (readable by you only). Keep it private and backed up.\n  Your identity as an endorser: {did}',
    fr: '✔ Clé de recommandeur écrite dans {file} (lisible par vous seul). Gardez-la secrète et sauvegardée.\n  Votre identité de recommandeur : {did}',
  },
  'endorse.keyName.warning': {
    en: '  Warning: name the file <something>.private.jwk.json, so that git ignores it in an Insigne project.',
    fr: '  Attention : nommez le fichier <quelque-chose>.private.jwk.json, pour que git l’ignore dans un projet Insigne.',
  },
  'endorse.keyNext': {
    en: 'Sign an endorsement request with it:\n  npm run badges -- endorse sign <request.json> --key {name}',
    fr: 'Signez une demande de recommandation avec elle :\n  npm run badges -- endorse sign <request.json> --key {name}',
  },
  // Milestones in `award` (award.ts): who misses which required badges.
  'award.milestone.refused': {
    en: '✖ Cannot award "{badge}": this person {summary}. Nothing was written.',
    fr: '✖ Impossible d’attribuer « {badge} » : cette personne {summary}. Rien n’a été écrit.',
  },
  'award.milestone.rowRefused': {
    en: '  − line {line}  {name}: not awarded, {summary}',
    fr: '  − ligne {line}  {name} : non attribué, {summary}',
  },
  'award.rosterDryRun.milestone': {
    en: 'Dry run, nothing was written. "{badge}": would create {created}, skip {skipped} as already awarded, {without} without the required badges, reject {rejected}.',
    fr: 'Essai à blanc, rien n’a été écrit. « {badge} » : {created} à créer, {skipped} à sauter car déjà attribuées, {without} sans les badges requis, {rejected} refusées.',
  },
  'award.rosterDone.milestone': {
    en: '"{badge}": created {created}, skipped {skipped} as already awarded, {without} without the required badges, rejected {rejected}.',
    fr: '« {badge} » : {created} créée(s), {skipped} sautée(s) car déjà attribuées, {without} sans les badges requis, {rejected} refusée(s).',
  },
  'award.parts.all': {
    en: 'holds {held} of the {listed} required badges; missing {missing}',
    fr: 'détient {held} des {listed} badges requis ; il lui manque {missing}',
  },
  'award.parts.some': {
    en: 'holds {held} of the {listed} listed badges, {atLeast} needed; missing {missing}',
    fr: 'détient {held} des {listed} badges listés, {atLeast} nécessaires ; il lui manque {missing}',
  },
  'award.missing.none': { en: '"{name}"', fr: '« {name} »' },
  'award.missing.revoked': { en: '"{name}" (revoked)', fr: '« {name} » (attribution révoquée)' },
  'award.missing.expired': {
    en: '"{name}" (expired on {day})',
    fr: '« {name} » (expiré le {day})',
  },
  'award.missing.later': {
    en: '"{name}" (awarded on {day}, after this issue day)',
    fr: '« {name} » (attribué le {day}, après ce jour d’attribution)',
  },
  // Sharded builds (core/build/shard.ts, shard-set.ts) and `merge` (build/merge.ts, cli/merge.ts).
  'shard.notShard': { en: '{name}={value} is not a shard.', fr: '{name}={value} n’est pas un fragment.' },
  'shard.count': {
    en: '{name}={value}: the number of shards must be from 1 to {max}.',
    fr: '{name}={value} : le nombre de fragments doit aller de 1 à {max}.',
  },
  'shard.noSuchShard': {
    en: '{name}={value}: there is no shard {index} of {count}; shards are numbered from 1 to {count}.',
    fr: '{name}={value} : il n’y a pas de fragment {index} sur {count} ; les fragments sont numérotés de 1 à {count}.',
  },
  'shard.hint': {
    en: 'Set it to <k>/<n>, the shard k of n to build, with k from 1 to n (for example {name}=1/3), or leave it unset to build the whole site.',
    fr: 'Donnez-lui la valeur <k>/<n>, le fragment k sur n à construire, avec k de 1 à n (par exemple {name}=1/3), ou ne la définissez pas pour construire tout le site.',
  },
  'shard.refused': { en: '{problem} {hint}', fr: '{problem} {hint}' },
  'shard.manifest.notJson': {
    en: '{label}: insigne-build.json is not JSON; is this a built shard folder?',
    fr: '{label} : insigne-build.json n’est pas du JSON ; est-ce bien le dossier d’un fragment construit ?',
  },
  'shard.manifest.notManifest': {
    en: '{label}: insigne-build.json is not a build manifest.',
    fr: '{label} : insigne-build.json n’est pas un manifeste de construction.',
  },
  'shard.manifest.whole': {
    en: '{label} is a whole build, not a shard: build each shard with INSIGNE_SHARD=<k>/<n>.',
    fr: '{label} est une construction complète, pas un fragment : construisez chaque fragment avec INSIGNE_SHARD=<k>/<n>.',
  },
  'shard.manifest.edited': {
    en: '{label}: insigne-build.json is incomplete or was edited; rebuild this shard.',
    fr: '{label} : insigne-build.json est incomplet ou a été modifié ; reconstruisez ce fragment.',
  },
  'shard.set.none': { en: 'No shard folder was given.', fr: 'Aucun dossier de fragment n’a été donné.' },
  'shard.set.otherBuild.one': {
    en: '{labels} comes from another build than {first} (other content, keys, site address, build day or number of shards): build every shard from the same commit, on the same day.{preview}',
    fr: '{labels} vient d’une autre construction que {first} (autre contenu, autres clés, autre adresse du site, autre jour de construction ou autre nombre de fragments) : construisez chaque fragment depuis le même commit, le même jour.{preview}',
  },
  'shard.set.otherBuild.other': {
    en: '{labels} come from another build than {first} (other content, keys, site address, build day or number of shards): build every shard from the same commit, on the same day.{preview}',
    fr: '{labels} viennent d’une autre construction que {first} (autre contenu, autres clés, autre adresse du site, autre jour de construction ou autre nombre de fragments) : construisez chaque fragment depuis le même commit, le même jour.{preview}',
  },
  'shard.set.preview': {
    en: ' Preview shards can never be merged: each signs with its own throwaway keys. Configure the signing key (README, Keys).',
    fr: ' Des fragments d’aperçu ne peuvent jamais être réunis : chacun signe avec ses propres clés jetables. Configurez la clé de signature (README, Keys).',
  },
  'shard.set.wrongCount': {
    en: '{label}: shard {index} of {of} does not belong to {count} shards.',
    fr: '{label} : le fragment {index} sur {of} n’appartient pas à un ensemble de {count} fragments.',
  },
  'shard.set.twice': {
    en: 'Shard {index} of {count} was given twice: {labels}.',
    fr: 'Le fragment {index} sur {count} a été donné deux fois : {labels}.',
  },
  'shard.set.missing.one': {
    en: "Missing shard {missing} of {count}: the merge needs every shard's folder.",
    fr: 'Il manque le fragment {missing} sur {count} : la réunion a besoin du dossier de chaque fragment.',
  },
  'shard.set.missing.other': {
    en: "Missing shards {missing} of {count}: the merge needs every shard's folder.",
    fr: 'Il manque les fragments {missing} sur {count} : la réunion a besoin du dossier de chaque fragment.',
  },
  'shard.set.stray': {
    en: '{label} lists {count} award(s) of other shards ({ids}): rebuild it.',
    fr: '{label} liste {count} attribution(s) d’autres fragments ({ids}) : reconstruisez-le.',
  },
  'shard.set.total': {
    en: 'The shards list {owned} awards between them, but the site has {total}.',
    fr: 'Les fragments listent {owned} attributions à eux tous, mais le site en a {total}.',
  },
  'merge.noManifest': {
    en: '{label} holds no {file}: is it a built shard folder?',
    fr: '{label} ne contient pas de {file} : est-ce bien le dossier d’un fragment construit ?',
  },
  'merge.named': { en: '{count} {what}:{lines}', fr: '{count} {what} :{lines}' },
  'merge.line': { en: '\n  {text}{rest}', fr: '\n  {text}{rest}' },
  'merge.more': { en: '… and {count} more', fr: '… et {count} de plus' },
  'merge.differ': {
    en: 'file(s) that several shards build differ between them (every shard must build the site-wide files identically: same commit, same day, same keys)',
    fr: 'fichier(s) construits par plusieurs fragments diffèrent entre eux (chaque fragment doit construire à l’identique les fichiers communs au site : même commit, même jour, mêmes clés)',
  },
  'merge.notVerified': {
    en: 'artefact(s) of the merged site do not verify against its key documents and status lists',
    fr: 'fichier(s) de badge du site réuni ne se vérifient pas avec ses documents de clés et ses listes de statut',
  },
  'merge.verdict': {
    en: '{path} (from {label}): expected {expected}, got {got}',
    fr: '{path} (de {label}) : attendu {expected}, obtenu {got}',
  },
  'merge.missingFiles': {
    en: 'award file(s) are in no shard',
    fr: 'fichier(s) d’attribution ne sont dans aucun fragment',
  },
  'merge.damaged': {
    en: '{label}: its files are not those its build wrote ({actual} files, the build wrote {expected}, or their bytes changed); download the shard again or rebuild it.',
    fr: '{label} : ses fichiers ne sont pas ceux que sa construction a écrits ({actual} fichiers, la construction en a écrit {expected}, ou leur contenu a changé) ; téléchargez à nouveau le fragment ou reconstruisez-le.',
  },
  'merge.needsValue': { en: '{flag} needs a value.', fr: '{flag} demande une valeur.' },
  'merge.badSample': {
    en: '--sample takes a number of awards from 1 to 9999, not "{value}".',
    fr: '--sample prend un nombre d’attributions de 1 à 9999, et non « {value} ».',
  },
  'merge.unknownOption': { en: 'Unknown option {option}.', fr: 'Option inconnue : {option}.' },
  'merge.noOut': {
    en: 'Say where the merged site goes with --out <dir>.',
    fr: 'Indiquez avec --out <dir> où va le site réuni.',
  },
  'merge.noShards': {
    en: 'Give the folder of every shard to merge.',
    fr: 'Donnez le dossier de chaque fragment à réunir.',
  },
  'merge.notFolder': {
    en: '✖ Not a folder: {labels}. Nothing was published.',
    fr: '✖ Pas un dossier : {labels}. Rien n’a été publié.',
  },
  'merge.outIsShard': {
    en: '✖ --out must be a folder of its own, not one of the shards. Nothing was published.',
    fr: '✖ --out doit être un dossier à part, pas l’un des fragments. Rien n’a été publié.',
  },
  'merge.done': {
    en: '✔ Merged {shards} shard(s) into {out}: {files} files, {awards} awards; {shared} files built by several shards are identical; {verified} artefacts of sampled awards verified against the merged site.',
    fr: '✔ {shards} fragment(s) réuni(s) dans {out} : {files} fichiers, {awards} attributions ; {shared} fichiers construits par plusieurs fragments sont identiques ; {verified} fichiers d’attributions échantillonnées vérifiés avec le site réuni.',
  },
  'merge.preview': {
    en: '⚠ This is a preview build (throwaway keys): never deploy it.',
    fr: '⚠ Ceci est une construction d’aperçu (clés jetables) : ne la déployez jamais.',
  },
  'merge.refused': {
    en: '✖ The shards cannot be merged; nothing was published.',
    fr: '✖ Les fragments ne peuvent pas être réunis ; rien n’a été publié.',
  },
  // The build's log lines for shards and caches (integration.ts).
  'build.shard': {
    en: 'shard {index} of {count}: every site-wide file, and the awards of this shard',
    fr: 'fragment {index} sur {count} : tous les fichiers communs au site, et les attributions de ce fragment',
  },
  'build.cache': {
    en: '{name}: {reused} reused, {made} made{ignored}',
    fr: '{name} : {reused} réutilisées, {made} calculées{ignored}',
  },
  'build.cache.signatures': { en: 'signing cache', fr: 'cache des signatures' },
  'build.cache.verdicts': { en: 'self-check cache', fr: 'cache de l’autovérification' },
  'build.cache.pages': { en: 'page cache', fr: 'cache des pages' },
  'build.cache.files': { en: 'data file copies', fr: 'copies des données publiées' },
  'build.cache.ignored': {
    en: ', {refused} refused and {damaged} damaged entries ignored',
    fr: ', {refused} entrées refusées et {damaged} endommagées ignorées',
  },
  // upload (cli/upload.ts, deploy/s3-upload.ts).
  'upload.noManifest': {
    en: '{file} is missing or unreadable: is this a built site? Nothing was uploaded.',
    fr: '{file} manque ou est illisible : est-ce bien un site construit ? Rien n’a été envoyé.',
  },
  'upload.shard': {
    en: 'This is one shard of a build: merge the shards first (`badges merge`). Nothing was uploaded.',
    fr: 'Ceci est un fragment d’une construction : réunissez d’abord les fragments (`badges merge`). Rien n’a été envoyé.',
  },
  'upload.preview': {
    en: 'This is a PREVIEW build, signed with throwaway keys: its badges are not the issuer’s. Build with the signing key (README, Keys). Nothing was uploaded.',
    fr: 'Ceci est une construction d’APERÇU, signée avec des clés jetables : ses badges ne sont pas ceux de l’émetteur. Construisez avec la clé de signature (README, Keys). Rien n’a été envoyé.',
  },
  'upload.answered': {
    en: '{path}: the server answered {status}',
    fr: '{path} : le serveur a répondu {status}',
  },
  'upload.failed': { en: '{path}: {reason}', fr: '{path} : {reason}' },
  'upload.oneFolder': {
    en: 'Give one site folder, not {count}.',
    fr: 'Donnez un seul dossier de site, et non {count}.',
  },
  'upload.noEndpoint': {
    en: 'Say where to upload with --s3 <endpoint>.',
    fr: 'Indiquez avec --s3 <endpoint> où envoyer le site.',
  },
  'upload.badEndpoint': {
    en: '--s3 takes the address of the S3 API, such as https://s3.eu-west-3.amazonaws.com, not "{value}".',
    fr: '--s3 prend l’adresse de l’API S3, comme https://s3.eu-west-3.amazonaws.com, et non « {value} ».',
  },
  'upload.noBucket': {
    en: 'Say which bucket with --bucket <name>.',
    fr: 'Indiquez le compartiment avec --bucket <name>.',
  },
  'upload.badParallel': {
    en: '--parallel takes a number from 1 to 64.',
    fr: '--parallel prend un nombre de 1 à 64.',
  },
  'upload.notFolder': {
    en: '✖ {dir} is not a folder: build the site first (npm run build). Nothing was uploaded.',
    fr: '✖ {dir} n’est pas un dossier : construisez d’abord le site (npm run build). Rien n’a été envoyé.',
  },
  'upload.dryRun': {
    en: '{count} objects would be uploaded; nothing was.',
    fr: '{count} objets seraient envoyés ; aucun ne l’a été.',
  },
  'upload.noCredentials': {
    en: '✖ Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (an access key allowed to write to the bucket) in the environment. Nothing was uploaded.',
    fr: '✖ Définissez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY (une clé d’accès autorisée à écrire dans le compartiment) dans l’environnement. Rien n’a été envoyé.',
  },
  'upload.failures': {
    en: '✖ {count} object(s) could not be uploaded ({uploaded} were); the upload stopped:',
    fr: '✖ {count} objet(s) n’ont pas pu être envoyés ({uploaded} l’ont été) ; l’envoi s’est arrêté :',
  },
  'upload.again': {
    en: 'Run the same command again once the cause is fixed: uploading is safe to repeat.',
    fr: 'Relancez la même commande une fois la cause corrigée : l’envoi peut être répété sans risque.',
  },
  'upload.done': {
    en: '✔ Uploaded {count} objects ({megabytes} MB) to {target}, each with its content type and cache lifetime.',
    fr: '✔ {count} objets envoyés ({megabytes} Mo) vers {target}, chacun avec son type de contenu et sa durée de cache.',
  },
  'build.cacheLeak': {
    en: 'Private key material found in the signing cache, which should hold signatures only. The cache was removed; nothing was published.',
    fr: 'Des éléments de clé privée ont été trouvés dans le cache des signatures, qui ne devrait contenir que des signatures. Le cache a été supprimé ; rien n’a été publié.',
  },
  'build.siteLeak': {
    en: 'Private key material found in {count} file(s) of the new site. Nothing was published.',
    fr: 'Des éléments de clé privée ont été trouvés dans {count} fichier(s) du nouveau site. Rien n’a été publié.',
  },
  'build.siteLeak.hint': {
    en: 'Remove the key from these files (or from the content or public/ file they come from), and treat the key as leaked if it was ever pushed: see SECURITY.md, "If a private key leaks".',
    fr: 'Retirez la clé de ces fichiers (ou du fichier de contenu ou de public/ dont ils viennent), et considérez la clé comme divulguée si elle a déjà été poussée : voir SECURITY.md, "If a private key leaks".',
  },
  // notify (cli/notify.ts).
  'notify.optionsOnly': { en: '"notify" takes options only.', fr: '« notify » ne prend que des options.' },
  'notify.oneAction': {
    en: 'Choose one of --send, --export and --purge.',
    fr: 'Choisissez une seule option parmi --send, --export et --purge.',
  },
  'notify.expiringNeedsCsv': {
    en: '--expiring needs the roster again: --csv <roster.csv> (addresses are never stored).',
    fr: '--expiring a de nouveau besoin de la liste : --csv <roster.csv> (les adresses ne sont jamais conservées).',
  },
  'notify.badExpiring': {
    en: '--expiring takes a number of days, such as 30.',
    fr: '--expiring prend un nombre de jours, par exemple 30.',
  },
  'notify.badBatch': {
    en: '--batch takes a whole number of messages, such as 50.',
    fr: '--batch prend un nombre entier de messages, par exemple 50.',
  },
  'notify.badRate': {
    en: '--rate takes messages per minute, such as 30.',
    fr: '--rate prend un nombre de messages par minute, par exemple 30.',
  },
  'notify.badSeparator': {
    en: '--separator is ";", "," or tab.',
    fr: '--separator vaut ";", "," ou tab.',
  },
  'notify.outboxUnreadable': {
    en: '✖ .outbox/announcements.json: {reason}. Nothing was sent.',
    fr: '✖ .outbox/announcements.json : {reason}. Rien n’a été envoyé.',
  },
  'notify.purged': {
    en: '✔ Outbox emptied: {count} announcement(s) removed, none sent.',
    fr: '✔ Boîte d’envoi vidée : {count} annonce(s) supprimée(s), aucune envoyée.',
  },
  'notify.dropped': { en: '  − dropped  {line}: {why}', fr: '  − retirée  {line} : {why}' },
  'notify.dropped.revoked': { en: 'the award was revoked', fr: 'l’attribution a été révoquée' },
  'notify.dropped.gone': { en: 'the award no longer exists', fr: 'l’attribution n’existe plus' },
  'notify.template': {
    en: '{file}, line {line}: the message {problem}.',
    fr: '{file}, ligne {line} : le message {problem}.',
  },
  'notify.nothingSent': { en: 'Nothing was sent.', fr: 'Rien n’a été envoyé.' },
  'notify.empty': {
    en: 'The outbox is empty: every announcement was sent or exported.',
    fr: 'La boîte d’envoi est vide : chaque annonce a été envoyée ou exportée.',
  },
  'notify.waiting': {
    en: '{count} announcement(s) waiting in the outbox (.outbox/, never committed):',
    fr: '{count} annonce(s) en attente dans la boîte d’envoi (.outbox/, jamais versionnée) :',
  },
  'notify.lastAttempt': { en: '  (last attempt: {reason})', fr: '  (dernière tentative : {reason})' },
  'notify.howToSend': {
    en: 'Send them with `notify --send`, or export a mail-merge file with `notify --export <file.csv>`.',
    fr: 'Envoyez-les avec `notify --send`, ou exportez un fichier de publipostage avec `notify --export <file.csv>`.',
  },
  'notify.line': { en: '{kind} {id}  {name}  "{badge}"', fr: '{kind} {id}  {name}  « {badge} »' },
  'notify.kind.award': { en: 'award', fr: 'attribution' },
  'notify.kind.expiry': { en: 'reminder', fr: 'rappel' },
  'notify.dryRun': {
    en: 'Dry run: {count} message(s) would go out; nothing was sent.',
    fr: 'Essai à blanc : {count} message(s) partiraient ; rien n’a été envoyé.',
  },
  'notify.exportInside': {
    en: '✖ {file} is inside the project folder, and a mail-merge file holds email addresses: write it outside the repository (for example ~/Documents/{name}). Nothing was written.',
    fr: '✖ {file} est dans le dossier du projet, et un fichier de publipostage contient des adresses électroniques : écrivez-le hors du dépôt (par exemple ~/Documents/{name}). Rien n’a été écrit.',
  },
  'notify.exportDryRun': {
    en: 'Dry run: {count} row(s) would be written to {file}; nothing was written.',
    fr: 'Essai à blanc : {count} ligne(s) seraient écrites dans {file} ; rien n’a été écrit.',
  },
  'notify.exportExists': {
    en: '✖ {file} already exists: choose another name. Nothing was written.',
    fr: '✖ {file} existe déjà : choisissez un autre nom. Rien n’a été écrit.',
  },
  'notify.exportFailed': {
    en: '✖ Cannot write {file} ({code}). Nothing was written.',
    fr: '✖ Impossible d’écrire {file} ({code}). Rien n’a été écrit.',
  },
  'notify.unknownError': { en: 'unknown error', fr: 'erreur inconnue' },
  'notify.tab': { en: 'tab', fr: 'tabulation' },
  'notify.exported': {
    en: '✔ {count} announcement(s) exported to {file} (UTF-8, "{separator}"-separated) and removed from the outbox. The file holds addresses: delete it once the mail merge is done.',
    fr: '✔ {count} annonce(s) exportée(s) dans {file} (UTF-8, séparateur « {separator} ») et retirée(s) de la boîte d’envoi. Le fichier contient des adresses : supprimez-le une fois le publipostage terminé.',
  },
  'notify.sent': { en: '  ✔ sent     {line}', fr: '  ✔ envoyée  {line}' },
  'notify.pending': { en: '  … pending  {line}: {reason}', fr: '  … en attente  {line} : {reason}' },
  'notify.failed': { en: '  ✖ failed   {line}: {reason}', fr: '  ✖ échec    {line} : {reason}' },
  'notify.sendSummary': {
    en: 'Sent {sent}, not live yet {notLive}, failed {failed}; {pending} announcement(s) still in the outbox.',
    fr: 'Envoyées : {sent}, pages pas encore en ligne : {notLive}, échecs : {failed} ; {pending} annonce(s) encore dans la boîte d’envoi.',
  },
  'notify.notLiveHint': {
    en: 'Pages that are not live yet: deploy the site first, or use --no-live-check if it is not on its final address.',
    fr: 'Pages pas encore en ligne : déployez d’abord le site, ou utilisez --no-live-check s’il n’est pas à son adresse définitive.',
  },
  'notify.rowRejected': { en: '  ✖ line {line}  {name}{problems}', fr: '  ✖ ligne {line}  {name}{problems}' },
  'notify.rowUnmatched': { en: '  ✖ line {line}  ({name}) {why}', fr: '  ✖ ligne {line}  ({name}) {why}' },
  'notify.noAward': {
    en: 'no award matches this address',
    fr: 'aucune attribution ne correspond à cette adresse',
  },
  'notify.noAwardOf': {
    en: 'no award of "{badge}" matches this address',
    fr: 'aucune attribution de « {badge} » ne correspond à cette adresse',
  },
  'notify.noneExpiring': {
    en: 'no award expires within {days} days',
    fr: 'aucune attribution n’expire dans les {days} jours',
  },
  'notify.queuedRow': { en: '  + line {line}  queued {entry}', fr: '  + ligne {line}  en file : {entry}' },
  'notify.queued': {
    en: '{count} announcement(s) queued from {file}; {unmatched} row(s) matched nothing, {rejected} row(s) were wrong.',
    fr: '{count} annonce(s) mise(s) en file depuis {file} ; {unmatched} ligne(s) sans correspondance, {rejected} ligne(s) erronée(s).',
  },
  // verify (cli/verify.ts) and its report (verify/format.ts); the verifier's own texts are in core/verify/messages.ts.
  'verify.noTarget': {
    en: 'Give one file or URL to verify.',
    fr: 'Donnez un fichier ou une URL à vérifier.',
  },
  'verify.manyTargets': {
    en: 'Give one file or URL, not {count}.',
    fr: 'Donnez un seul fichier ou une seule URL, et non {count}.',
  },
  'verify.siteDirNeedsUrl': {
    en: "--site-dir needs the site's URL: {reason}",
    fr: '--site-dir a besoin de l’adresse du site : {reason}',
  },
  'verify.cannotRead': { en: 'Cannot read the file {file}.', fr: 'Impossible de lire le fichier {file}.' },
  'verify.notDeployed': {
    en: "This badge belongs to this project's site, {site}, and a document could not be fetched from it: is the site deployed yet? To check a build before deploying it, read the documents from the built folder:\n  npm run badges -- verify {target} --site-dir dist",
    fr: 'Ce badge appartient au site de ce projet, {site}, et un document n’a pas pu y être lu : le site est-il déjà déployé ? Pour vérifier une construction avant de la déployer, lisez les documents dans le dossier construit :\n  npm run badges -- verify {target} --site-dir dist',
  },
  'verify.headline': {
    en: '{mark} {headline}{reason}: {explanation}',
    fr: '{mark} {headline}{reason} : {explanation}',
  },
  'verify.reason': {
    en: ' (reason given by the issuer: {reason})',
    fr: ' (motif donné par l’émetteur : {reason})',
  },
  'verify.expiredOn': { en: '  expired on {day}', fr: '  expiré le {day}' },
  'verify.line.badge': { en: '  badge      {value}', fr: '  badge      {value}' },
  'verify.line.issuer': { en: '  issuer     {value}', fr: '  émetteur   {value}' },
  'verify.line.earner': { en: '  earner     {value}', fr: '  titulaire  {value}' },
  'verify.line.validUntil': {
    en: '  valid      from {from} until {until}',
    fr: '  valable    du {from} au {until}',
  },
  'verify.line.validForever': {
    en: '  valid      from {from}, no expiry',
    fr: '  valable    à partir du {from}, sans expiration',
  },
  'verify.payload': { en: '{kind}: {verdict}', fr: '{kind} : {verdict}' },
  'verify.embeddedKey': { en: ' (key embedded in the header)', fr: ' (clé incluse dans l’en-tête)' },
  'verify.hostedAt': { en: 'hosted at {url}', fr: 'hébergé à l’adresse {url}' },
  'verify.controller': { en: ' (controller {controller})', fr: ' (contrôleur {controller})' },
  'verify.at': { en: ' (at {pointer})', fr: ' (à {pointer})' },
  'verify.endorsement': {
    en: '  endorsed   by {who} ({id}), {state}{comment}',
    fr: '  recommandé par {who} ({id}), {state}{comment}',
  },
  'verify.endorsement.verified': { en: 'verified', fr: 'vérifiée' },
  'verify.endorsement.notVerified': { en: 'DOES NOT VERIFY', fr: 'NE SE VÉRIFIE PAS' },
  'verify.endorsement.comment': { en: ': "{comment}"', fr: ' : « {comment} »' },
  'verify.checkedAt': { en: 'Checked at {at}.', fr: 'Vérifié le {at}.' },
  'verify.more': {
    en: 'Every check: add --verbose. The whole report as JSON: --json.',
    fr: 'Toutes les vérifications : ajoutez --verbose. Le rapport complet en JSON : --json.',
  },
  // Delivery (delivery/smtp.ts, delivery/live.ts), as notify prints it.
  'smtp.missing.one': {
    en: `Set {first} to send (see docs/deploy.md, "Tell your earners"): for example {url}='smtps://user:password@smtp.example.org:465' {from}='Your school <badges@example.org>'.`,
    fr: `Définissez {first} pour envoyer (voir docs/deploy.md, "Tell your earners") : par exemple \`{url}='smtps://user:password@smtp.example.org:465' {from}='Votre école <badges@example.org>'\`.`,
  },
  'smtp.missing.both': {
    en: `Set {url} and {from} to send (see docs/deploy.md, "Tell your earners"): for example {url}='smtps://user:password@smtp.example.org:465' {from}='Your school <badges@example.org>'.`,
    fr: `Définissez {url} et {from} pour envoyer (voir docs/deploy.md, "Tell your earners") : par exemple \`{url}='smtps://user:password@smtp.example.org:465' {from}='Votre école <badges@example.org>'\`.`,
  },
  'smtp.notUrl': {
    en: '{name} is not a URL: write smtps://user:password@host:465.',
    fr: '{name} n’est pas une URL : écrivez smtps://user:password@host:465.',
  },
  'smtp.protocol': {
    en: '{name} must start with smtps:// or smtp://, not {protocol}.',
    fr: '{name} doit commencer par smtps:// ou smtp://, et non {protocol}.',
  },
  'smtp.from': {
    en: '{name} must be an address, or a name and an address: Your school <badges@example.org>.',
    fr: '{name} doit être une adresse, ou un nom et une adresse : `Votre école <badges@example.org>`.',
  },
  'live.status': {
    en: 'its page answers HTTP {status} (not deployed yet?)',
    fr: 'sa page répond HTTP {status} (pas encore déployée ?)',
  },
  'live.unreachable': {
    en: 'its page could not be reached ({cause})',
    fr: 'sa page n’a pas pu être atteinte ({cause})',
  },
  // A message template of content/messages/ (core/delivery/templates.ts): "the message …".
  'template.frontMatter': {
    en: 'must start with a front matter block: ---, subject: …, ---',
    fr: 'doit commencer par un bloc d’en-tête : `---`, `subject: …`, `---`',
  },
  'template.subject': {
    en: 'needs a `subject:` line in its front matter',
    fr: 'a besoin d’une ligne `subject:` dans son en-tête',
  },
  'template.body': {
    en: 'has no message text after the front matter',
    fr: 'n’a pas de texte après son en-tête',
  },
  'template.placeholder': {
    en: 'uses {name}, which no message fills. Placeholders: {known}',
    fr: 'utilise {name}, qu’aucune annonce ne remplit. Variables disponibles : {known}',
  },
  // The outbox (core/delivery/outbox.ts).
  'outbox.notJson': {
    en: 'the outbox file is not valid JSON',
    fr: 'le fichier de la boîte d’envoi n’est pas du JSON valide',
  },
  'outbox.notOutbox': {
    en: 'the outbox file is not an Insigne outbox (version 1)',
    fr: 'le fichier n’est pas une boîte d’envoi Insigne (version 1)',
  },
  'outbox.incomplete': {
    en: 'announcement {index} of the outbox lacks {missing}',
    fr: 'il manque {missing} à l’annonce {index} de la boîte d’envoi',
  },
  // What each placeholder of a message template holds (core/delivery/templates.ts), for `notify --help`.
  'placeholder.earner': { en: "the earner's display name", fr: 'le nom affiché du titulaire' },
  'placeholder.firstName': {
    en: "the earner's first name (the first word of the name)",
    fr: 'le prénom du titulaire (le premier mot du nom)',
  },
  'placeholder.badge': { en: 'the badge name', fr: 'le nom du badge' },
  'placeholder.issuer': { en: "the issuer's name", fr: 'le nom de l’émetteur' },
  'placeholder.contact': {
    en: "the issuer's public contact address",
    fr: 'l’adresse de contact publique de l’émetteur',
  },
  'placeholder.url': { en: "the earner's award page", fr: 'la page d’attribution du titulaire' },
  'placeholder.linkedin': {
    en: 'the LinkedIn "Add to profile" link',
    fr: 'le lien LinkedIn « Ajouter au profil »',
  },
  'placeholder.verify': { en: "the site's verify page", fr: 'la page de vérification du site' },
  'placeholder.expires': {
    en: 'the expiry day in words (empty when the award never expires)',
    fr: 'le jour d’expiration en toutes lettres (vide si l’attribution n’expire jamais)',
  },
  'placeholder.validity': {
    en: 'a sentence saying until when the award is valid (empty when it never expires)',
    fr: 'une phrase qui dit jusqu’à quand l’attribution est valable (vide si elle n’expire jamais)',
  },
} as const satisfies Record<string, Bilingual>;
