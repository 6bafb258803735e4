/**
 * Content problems: what is wrong in a content file, and the hint that says what to do, in both languages.
 * Slugs, field names, paths, commands and YAML stay as they are written.
 */
import type { Bilingual } from './catalogue.ts';

export const contentMessages = {
  // The report around the problems.
  'report.header.one': {
    en: '✖ {count} content problem. {outcome}',
    fr: '✖ {count} problème de contenu. {outcome}',
  },
  'report.header.other': {
    en: '✖ {count} content problems. {outcome}',
    fr: '✖ {count} problèmes de contenu. {outcome}',
  },
  'report.hint': { en: 'Hint:', fr: 'Conseil :' },
  'report.nothingPublished': { en: 'Nothing was published.', fr: 'Rien n’a été publié.' },
  'report.fixThenCheck': {
    en: 'Fix them, then run the check again.',
    fr: 'Corrigez-les, puis relancez la vérification.',
  },
  'report.nothingPublishedSeeCheck': {
    en: 'Nothing was published: `npm run badges -- check` lists the same problems.',
    fr: 'Rien n’a été publié : `npm run badges -- check` liste les mêmes problèmes.',
  },
  'report.nothingWritten': { en: 'Nothing was written.', fr: 'Rien n’a été écrit.' },
  'report.nothingWrittenFixFirst': {
    en: 'Nothing was written: fix them first (`npm run badges -- check` lists them).',
    fr: 'Rien n’a été écrit : corrigez-les d’abord (`npm run badges -- check` les liste).',
  },
  'report.nothingWrittenWouldFail': {
    en: 'Nothing was written: {file} would not pass the check.',
    fr: 'Rien n’a été écrit : {file} ne passerait pas la vérification.',
  },

  // Shared pieces of hints.
  'list.or': { en: '{first} or {last}', fr: '{first} ou {last}' },
  'hint.didYouMean': { en: 'Did you mean "{name}"? ', fr: 'Vouliez-vous dire « {name} » ? ' },

  // Files and references (link.ts).
  'badge.duplicate': {
    en: 'Another file already defines the badge "{slug}" ({file}).',
    fr: 'Un autre fichier définit déjà le badge « {slug} » ({file}).',
  },
  'badge.duplicate.hint': {
    en: 'Keep one file per badge: delete or rename one of them.',
    fr: 'Gardez un seul fichier par badge : supprimez ou renommez l’un des deux.',
  },
  'criteria.tooLong': {
    en: 'The criteria text is too long: {length} characters, at most {max}.',
    fr: 'Le texte des critères est trop long : {length} caractères, {max} au plus.',
  },
  'criteria.tooLong.hint': {
    en: 'Keep the criteria to what an earner must do; link to longer documents instead of pasting them.',
    fr: 'Limitez les critères à ce que la personne doit faire ; donnez un lien vers les documents plus longs au lieu de les coller.',
  },
  'criteria.empty': {
    en: 'The criteria text (the Markdown after the front matter) is empty.',
    fr: 'Le texte des critères (le Markdown après l’en-tête) est vide.',
  },
  'criteria.empty.hint': {
    en: 'Describe what an earner must do to receive this badge, below the closing "---".',
    fr: 'Décrivez ce qu’il faut faire pour recevoir ce badge, sous le « --- » de fermeture.',
  },
  'award.fileName': {
    en: 'The file name "{id}" is not an award id.',
    fr: 'Le nom de fichier « {id} » n’est pas un identifiant d’attribution.',
  },
  'award.fileName.hint': {
    en: 'Award files are named <id>.yaml where the id is a random UUID v4; `npm run badges -- award` creates them.',
    fr: 'Les fichiers d’attribution s’appellent <id>.yaml, où l’identifiant est un UUID v4 aléatoire ; `npm run badges -- award` les crée.',
  },
  'award.duplicateId': {
    en: 'The award id {id} is already used by {file}.',
    fr: 'L’identifiant d’attribution {id} est déjà utilisé par {file}.',
  },
  'award.duplicateId.hint': {
    en: 'Award ids must be unique: if this is a copy, delete it; otherwise create the award with `npm run badges -- award`.',
    fr: 'Chaque identifiant d’attribution est unique : si c’est une copie, supprimez-la ; sinon créez l’attribution avec `npm run badges -- award`.',
  },
  'award.statusIndex': {
    en: 'Status index {index} is already used by {file} (same issuer).',
    fr: 'L’index de statut {index} est déjà utilisé par {file} (même émetteur).',
  },
  'award.statusIndex.hint': {
    en: 'Each award needs its own index in the issuer status list; use a free number, never one already published.',
    fr: 'Chaque attribution a son propre index dans la liste de statut de l’émetteur ; prenez un numéro libre, jamais un numéro déjà publié.',
  },
  'file.unexpected': {
    en: 'Unexpected file: only {extensions} files belong in this folder.',
    fr: 'Fichier inattendu : seuls les fichiers {extensions} ont leur place dans ce dossier.',
  },
  'file.unexpected.hint': {
    en: 'Rename it with the right extension, or move it out of content/ if it is not content.',
    fr: 'Renommez-le avec la bonne extension, ou sortez-le de content/ s’il ne s’agit pas de contenu.',
  },
  'file.badName': {
    en: 'The file name "{slug}" cannot be used in web addresses.',
    fr: 'Le nom de fichier « {slug} » ne peut pas servir dans une adresse web.',
  },
  'file.badName.hint': {
    en: 'Use lower-case letters, digits and single dashes only (for example "robotique-niveau-1").',
    fr: 'N’utilisez que des minuscules, des chiffres et des tirets simples (par exemple « robotique-niveau-1 »).',
  },
  'reference.badge': { en: 'No badge "{slug}" exists.', fr: 'Il n’existe aucun badge « {slug} ».' },
  'reference.badge.hint': {
    en: '{guess}Badges are the files in {folder}.',
    fr: '{guess}Les badges sont les fichiers de {folder}.',
  },
  'reference.issuer': { en: 'No issuer "{slug}" exists.', fr: 'Il n’existe aucun émetteur « {slug} ».' },
  'reference.issuer.hint': {
    en: '{guess}Issuers are the files in {folder}.',
    fr: '{guess}Les émetteurs sont les fichiers de {folder}.',
  },
  'asset.symlink': {
    en: 'The file "{file}" is reached through a symbolic link that is not followed ({link}).',
    fr: 'Le fichier « {file} » est atteint par un lien symbolique qui n’est pas suivi ({link}).',
  },
  'asset.symlink.hint': {
    en: 'Put the image itself in the folder: files are only read from inside the project, never through a link leading elsewhere.',
    fr: 'Mettez l’image elle-même dans le dossier : les fichiers ne sont lus qu’à l’intérieur du projet, jamais par un lien qui mène ailleurs.',
  },
  'asset.missing': {
    en: 'The file "{file}" does not exist next to {beside}.',
    fr: 'Le fichier « {file} » n’existe pas à côté de {beside}.',
  },
  'asset.missing.hint': {
    en: 'Put the image in {folder} or correct the name (it is case-sensitive).',
    fr: 'Mettez l’image dans {folder} ou corrigez le nom (majuscules et minuscules comptent).',
  },
  'asset.signature.hint': {
    en: 'Fix or replace the signature image, or remove "signature" (the name alone is printed).',
    fr: 'Corrigez ou remplacez l’image de la signature, ou retirez « signature » (seul le nom est alors imprimé).',
  },
  'asset.logo.hint': {
    en: 'Fix or replace the file, or remove "logo".',
    fr: 'Corrigez ou remplacez le fichier, ou retirez « logo ».',
  },
  'asset.image.hint': {
    en: 'The image replaces the badge design: fix or replace the file, or remove "image" to use the design.',
    fr: 'L’image remplace le dessin du badge : corrigez ou remplacez le fichier, ou retirez « image » pour utiliser le dessin.',
  },
  'edition.sameLanguage': {
    en: 'The edition is in "{language}", the badge\'s own language.',
    fr: 'L’édition est en « {language} », la langue du badge lui-même.',
  },
  'edition.sameLanguage.hint': {
    en: "An edition gives the badge's texts in the other language: write language: {other} and translate name, description and criteria.",
    fr: 'Une édition donne les textes du badge dans l’autre langue : écrivez language: {other} et traduisez name, description et les critères.',
  },
  'design.palette': {
    en: 'There is no palette "{palette}".',
    fr: 'Il n’existe aucune palette « {palette} ».',
  },
  'design.palette.hint': { en: '{guess}Palettes: {palettes}.', fr: '{guess}Palettes : {palettes}.' },
  'design.icon': {
    en: 'There is no icon "{icon}" in the icon set.',
    fr: 'Il n’y a pas d’icône « {icon} » dans le jeu d’icônes.',
  },
  'design.icon.hint': {
    en: '{guess}Find icons by French or English word with `npm run badges -- icons <word>`, or browse https://lucide.dev/icons.',
    fr: '{guess}Cherchez des icônes par mot français ou anglais avec `npm run badges -- icons <mot>`, ou parcourez https://lucide.dev/icons.',
  },
  'design.icon.didYouMean': { en: 'Did you mean {names}? ', fr: 'Vouliez-vous dire {names} ? ' },
  'asset.unusable': { en: '{reason}', fr: '{reason}' },
  'achievementType.unknown': {
    en: '"{type}" is not an Open Badges 3.0 achievement type.',
    fr: '« {type} » n’est pas un type de réussite d’Open Badges 3.0.',
  },
  'achievementType.unknown.hint': {
    en: '{guess}Use one of {types}, or "ext:YourType".',
    fr: '{guess}Utilisez l’un de {types}, ou « ext:VotreType ».',
  },
  'keys.removed': {
    en: 'The key "{id}" was published (insigne.lock.json) but is no longer in this file.',
    fr: 'La clé « {id} » a été publiée (insigne.lock.json) mais n’est plus dans ce fichier.',
  },
  'keys.removed.hint': {
    en: 'Removing a published key breaks every badge it signed. Put it back with "retired: <day>"; if its private key leaked, mark it "compromised: <day>" instead (see SECURITY.md).',
    fr: 'Retirer une clé publiée casse tous les badges qu’elle a signés. Remettez-la avec « retired: <jour> » ; si sa clé privée a fuité, marquez-la plutôt « compromised: <jour> » (voir SECURITY.md).',
  },
  'keys.duplicateId': {
    en: 'The key id "{id}" appears twice.',
    fr: 'L’identifiant de clé « {id} » apparaît deux fois.',
  },
  'keys.duplicateId.hint': {
    en: 'Key ids must be unique within an issuer; `npm run badges -- keygen` picks a fresh one.',
    fr: 'Les identifiants de clé sont uniques pour un émetteur ; `npm run badges -- keygen` en choisit un nouveau.',
  },
  'dates.future': {
    en: 'The issue date {issuedOn} is in the future (today is {today}).',
    fr: 'La date d’attribution {issuedOn} est dans le futur (nous sommes le {today}).',
  },
  'dates.future.hint': {
    en: 'Verifiers reject a credential that is not yet valid: award it on or after that day.',
    fr: 'Les vérificateurs refusent un badge qui n’est pas encore valide : attribuez-le ce jour-là ou après.',
  },
  'dates.expiry': {
    en: 'The expiry date {expires} is not after the issue date {issuedOn}.',
    fr: 'La date d’expiration {expires} n’est pas postérieure à la date d’attribution {issuedOn}.',
  },
  'dates.expiry.hint': {
    en: 'Correct one of the two dates, or remove "expires" if the award does not expire.',
    fr: 'Corrigez l’une des deux dates, ou retirez « expires » si l’attribution n’expire pas.',
  },
  'dates.revoked': {
    en: 'The revocation date {revoked} is before the issue date {issuedOn}.',
    fr: 'La date de révocation {revoked} précède la date d’attribution {issuedOn}.',
  },
  'dates.revoked.hint': {
    en: 'A badge can only be revoked after it was awarded; correct the date.',
    fr: 'Un badge ne peut être révoqué qu’après avoir été attribué ; corrigez la date.',
  },
  'email.plaintext': {
    en: 'A plaintext email address is written here; an award may only hold a hashed identity.',
    fr: 'Une adresse électronique est écrite ici en clair ; une attribution ne peut contenir qu’une identité hachée.',
  },
  'email.plaintext.hint': {
    en: 'Remove it (and from git history if committed). `npm run badges -- award --email …` stores only a salted hash.',
    fr: 'Supprimez-la (et de l’historique git si elle a été committée). `npm run badges -- award --email …` ne stocke qu’un hachage salé.',
  },

  // Reading the files (parse.ts, characters.ts, symlinks.ts).
  'yaml.unreadable': {
    en: 'The YAML cannot be read: {detail}',
    fr: 'Le YAML ne peut pas être lu : {detail}',
  },
  'yaml.unreadable.hint': {
    en: 'Check the indentation and quote values that contain ": " or start with a special character.',
    fr: 'Vérifiez l’indentation, et mettez entre guillemets les valeurs qui contiennent ": " ou commencent par un caractère spécial.',
  },
  'frontMatter.missing': {
    en: 'The file has no front matter.',
    fr: 'Le fichier n’a pas d’en-tête (front matter).',
  },
  'frontMatter.missing.hint': {
    en: 'Start the file with a line "---", the badge fields in YAML, then "---" and the criteria text.',
    fr: 'Commencez le fichier par une ligne "---", les champs du badge en YAML, puis "---" et le texte des critères.',
  },
  'yaml.aliasBomb': {
    en: 'The YAML expands its aliases (*name) into far too many values: this is how an "alias bomb" exhausts memory.',
    fr: 'Le YAML déploie ses alias (*nom) en beaucoup trop de valeurs : c’est ainsi qu’une « bombe d’alias » épuise la mémoire.',
  },
  'yaml.aliasBomb.hint': {
    en: 'Write the values out instead of repeating aliases of aliases; content files need no aliases at all.',
    fr: 'Écrivez les valeurs en entier au lieu de répéter des alias d’alias ; les fichiers de contenu n’ont besoin d’aucun alias.',
  },
  'text.notUtf8': {
    en: 'This line holds "{replacement}" where a character could not be read: the file is not UTF-8 text.',
    fr: 'Cette ligne contient « {replacement} » là où un caractère n’a pas pu être lu : le fichier n’est pas du texte UTF-8.',
  },
  'text.notUtf8.hint': {
    en: 'Save the file as UTF-8 (in your editor\'s "Save as" or encoding menu); files saved as Windows-1252 or Latin-1 lose their accents this way.',
    fr: 'Enregistrez le fichier en UTF-8 (menu « Enregistrer sous » ou « Encodage » de votre éditeur) ; un fichier enregistré en Windows-1252 ou Latin-1 perd ainsi ses accents.',
  },
  'text.controlLine': {
    en: 'This line holds a control character ({control}), which cannot be published.',
    fr: 'Cette ligne contient un caractère de contrôle ({control}), qui ne peut pas être publié.',
  },
  'text.control.hint': {
    en: 'Delete it: control characters are invisible in most editors and break pages, images and credentials.',
    fr: 'Supprimez-le : les caractères de contrôle sont invisibles dans la plupart des éditeurs et cassent pages, images et badges.',
  },
  'text.controlValue': {
    en: 'Holds a control character ({control}), which cannot be published.',
    fr: 'Contient un caractère de contrôle ({control}), qui ne peut pas être publié.',
  },
  'text.controlValue.hint': {
    en: 'Delete it: control characters are invisible in most editors and break pages, images and credentials. In double quotes, escapes such as "\\0" or "\\x07" write one.',
    fr: 'Supprimez-le : les caractères de contrôle sont invisibles dans la plupart des éditeurs et cassent pages, images et badges. Entre guillemets doubles, des échappements comme "\\0" ou "\\x07" en écrivent un.',
  },
  'text.invisible': {
    en: 'Holds an invisible or direction-changing character: {code} {name} at character {position}.',
    fr: 'Contient un caractère invisible ou qui change le sens d’écriture : {code} {name} au caractère {position}.',
  },
  'text.invisible.hint': {
    en: 'Delete it (retype the name if you cannot see it): such characters make a name read differently from what it is, or two different names look the same.',
    fr: 'Supprimez-le (retapez le nom si vous ne le voyez pas) : ces caractères font lire un nom autrement qu’il n’est écrit, ou rendent deux noms différents identiques à l’œil.',
  },
  'text.undrawable': {
    en: 'Holds characters the badge artwork cannot draw: {listed}{more}{scripts}.',
    fr: 'Contient des caractères que le dessin du badge ne sait pas tracer : {listed}{more}{scripts}.',
  },
  'text.undrawable.more': { en: ' and {count} more', fr: ' et {count} autres' },
  'text.undrawable.hint': {
    en: "The artwork's bundled fonts draw Latin letters (accents included) and emoji; write this text with them (a transliteration), or the image would show empty boxes.",
    fr: 'Les polices fournies avec le dessin tracent les lettres latines (accents compris) et les emoji ; écrivez ce texte avec elles (une translittération), sinon l’image montrerait des cases vides.',
  },
  'link.outside': {
    en: 'This is a symbolic link to a place outside the project: content may only come from the repository.',
    fr: 'Ceci est un lien symbolique vers un endroit hors du projet : le contenu ne peut venir que du dépôt.',
  },
  'link.nowhere': {
    en: 'This symbolic link points to nothing: its target does not exist.',
    fr: 'Ce lien symbolique ne mène nulle part : sa cible n’existe pas.',
  },
  'link.loop': {
    en: 'This symbolic link leads back to a folder that contains it.',
    fr: 'Ce lien symbolique ramène à un dossier qui le contient.',
  },
  'link.outside.hint': {
    en: 'Copy the files into content/ instead of linking to them: a link would publish whatever it points to, from outside git.',
    fr: 'Copiez les fichiers dans content/ au lieu d’y faire un lien : un lien publierait ce vers quoi il pointe, hors de git.',
  },
  'link.refused.hint': {
    en: 'Delete the link, or replace it by the file or folder itself.',
    fr: 'Supprimez le lien, ou remplacez-le par le fichier ou le dossier lui-même.',
  },
  'link.contentFile': {
    en: 'This content file is a symbolic link; content files must be real files.',
    fr: 'Ce fichier de contenu est un lien symbolique ; les fichiers de contenu doivent être de vrais fichiers.',
  },
  'link.throughLink': {
    en: 'This content file is reached through a symbolic link ({link}); content files must be real files.',
    fr: 'Ce fichier de contenu est atteint par un lien symbolique ({link}) ; les fichiers de contenu doivent être de vrais fichiers.',
  },
  'link.contentFile.hint': {
    en: 'Replace the link by the file itself: the pages and `badges revoke` read and write content files where they are.',
    fr: 'Remplacez le lien par le fichier lui-même : les pages et `badges revoke` lisent et écrivent les fichiers de contenu là où ils sont.',
  },
  'keyMaterial.value': {
    en: 'Holds private key material ({what}), which must never be in content or git.',
    fr: 'Contient une clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.line': {
    en: 'This line holds private key material ({what}), which must never be in content or git.',
    fr: 'Cette ligne contient une clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.file': {
    en: 'This file holds private key material ({what}), which must never be in content or git.',
    fr: 'Ce fichier contient une clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.hint': {
    en: 'Delete it, then treat the key as leaked: generate a new one with `npm run badges -- keygen` (see SECURITY.md).',
    fr: 'Supprimez-la, puis considérez la clé comme divulguée : créez-en une nouvelle avec `npm run badges -- keygen` (voir SECURITY.md).',
  },
  'keyMaterial.file.hint': {
    en: 'Delete the file (private keys belong in .keys/ or the CI secret, never in content/), then treat the key as leaked: generate a new one with `npm run badges -- keygen` (see SECURITY.md).',
    fr: 'Supprimez le fichier (les clés privées vont dans .keys/ ou dans le secret de CI, jamais dans content/), puis considérez la clé comme divulguée : créez-en une nouvelle avec `npm run badges -- keygen` (voir SECURITY.md).',
  },

  // Signing keys (src/shell/keys.ts), for the build and `check` alike.
  'keys.unreadable': { en: '{reason}', fr: '{reason}' },
  'keys.unreadable.hint': {
    en: 'Set {variable} to the content of {folder}/INSIGNE_SIGNING_KEYS.secret, or run `npm run badges -- keys secret` to rewrite it from {folder}/.',
    fr: 'Donnez à {variable} le contenu de {folder}/INSIGNE_SIGNING_KEYS.secret, ou lancez `npm run badges -- keys secret` pour le réécrire depuis {folder}/.',
  },
  'keys.fileUnreadable': {
    en: 'The key file {file} in {folder}/ cannot be read as a stored key.',
    fr: 'Le fichier de clé {file} de {folder}/ ne peut pas être lu comme une clé enregistrée.',
  },
  'keys.secretUnreadable': {
    en: '{variable} is set but is not a key secret written by `npm run badges -- keygen` (the content of {file}).',
    fr: '{variable} est défini mais n’est pas un secret de clés écrit par `npm run badges -- keygen` (le contenu de {file}).',
  },
  'keys.removedIssuer': {
    en: 'This private key "{id}" belongs to issuer "{issuer}", which has no file content/issuers/{issuer}.yaml.',
    fr: 'Cette clé privée « {id} » appartient à l’émetteur « {issuer} », qui n’a pas de fichier content/issuers/{issuer}.yaml.',
  },
  'keys.removedIssuer.hint': {
    en: 'Issuer "{issuer}" was removed: `npm run badges -- keys forget {issuer}` drops its private keys and its entry in insigne.lock.json, and rewrites {file} (set the {variable} secret again from it).',
    fr: 'L’émetteur « {issuer} » a été supprimé : `npm run badges -- keys forget {issuer}` retire ses clés privées et son entrée de insigne.lock.json, et réécrit {file} (redéfinissez ensuite le secret {variable} à partir de ce fichier).',
  },
  'keys.unmatched': {
    en: 'The private key "{id}" of issuer "{issuer}" matches no public key committed in content/issuers/{issuer}.yaml: verifiers could not check what it signs.',
    fr: 'La clé privée « {id} » de l’émetteur « {issuer} » ne correspond à aucune clé publique committée dans content/issuers/{issuer}.yaml : les vérificateurs ne pourraient pas contrôler ce qu’elle signe.',
  },
  'keys.unmatched.hint': {
    en: 'Commit the public key `keygen` wrote into {file}, or remove this private key (and run `npm run badges -- keys secret`).',
    fr: 'Committez la clé publique que `keygen` a écrite dans {file}, ou supprimez cette clé privée (et lancez `npm run badges -- keys secret`).',
  },
  'keys.noActive': {
    en: 'Issuer "{issuer}" has no active {algorithm} key, so nothing it issues can be signed.',
    fr: 'L’émetteur « {issuer} » n’a aucune clé {algorithm} active : rien de ce qu’il émet ne peut être signé.',
  },
  'keys.noActive.hint': {
    en: 'Run `npm run badges -- keygen {issuer}`, commit the issuer file and insigne.lock.json, and set the {variable} secret again.',
    fr: 'Lancez `npm run badges -- keygen {issuer}`, committez le fichier de l’émetteur et insigne.lock.json, puis redéfinissez le secret {variable}.',
  },
  'keys.notConfigured': {
    en: 'Issuer "{issuer}" signs with its {algorithm} key "{id}", but its private key is not configured ({source}).',
    fr: 'L’émetteur « {issuer} » signe avec sa clé {algorithm} « {id} », mais sa clé privée n’est pas configurée ({source}).',
  },
  'keys.notConfigured.hint': {
    en: 'Set the {variable} secret from {file} of the computer that ran `keygen`, or run `npm run badges -- keygen {issuer} --retire-old` for new keys.',
    fr: 'Définissez le secret {variable} à partir du fichier {file} de l’ordinateur qui a lancé `keygen`, ou lancez `npm run badges -- keygen {issuer} --retire-old` pour de nouvelles clés.',
  },
  'keys.lockedIssuer': {
    en: 'The lock file records keys of issuer "{issuer}", which has no file content/issuers/{issuer}.yaml: its badges would stop verifying without anyone deciding it.',
    fr: 'Le fichier de verrouillage garde des clés de l’émetteur « {issuer} », qui n’a pas de fichier content/issuers/{issuer}.yaml : ses badges cesseraient d’être vérifiables sans que personne l’ait décidé.',
  },
  'keys.lockedIssuer.hint': {
    en: 'Restore content/issuers/{issuer}.yaml (and its badges and awards) to keep its badges verifying, or confirm with `npm run badges -- keys forget {issuer}`.',
    fr: 'Remettez content/issuers/{issuer}.yaml (avec ses badges et attributions) pour que ses badges restent vérifiables, ou confirmez avec `npm run badges -- keys forget {issuer}`.',
  },
} as const satisfies Record<string, Bilingual>;
