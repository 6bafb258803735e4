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

  // A text from elsewhere (a library, an error of another module) shown as it is, in both languages.
  'text.verbatim': { en: '{text}', fr: '{text}' },
  'site.missing': {
    en: "The site's address is not set: every badge id and page address is built from it.",
    fr: 'L’adresse du site n’est pas définie : chaque identifiant de badge et chaque adresse de page en dépendent.',
  },
  'site.missing.hint': {
    en: "Set `site` (and `base` for a project site) in astro.config.mjs, e.g. site: 'https://my-school.github.io', base: '/badges'.",
    fr: "Définissez `site` (et `base` pour un site de projet) dans astro.config.mjs, par exemple `site: 'https://my-school.github.io', base: '/badges'`.",
  },

  // Schema checks (zod-problems.ts).
  'zod.unknownField': { en: 'Unknown field "{key}".', fr: 'Champ inconnu : « {key} ».' },
  'zod.knownFields.hint': {
    en: '{guess}Known fields here: {known}.',
    fr: '{guess}Champs possibles ici : {known}.',
  },
  'zod.movedUp.hint': {
    en: '"{key}" is not a field of "{block}" but {parent}: move it out of "{block}:", to the same indentation as "{block}:". The badge design guide (docs/badges.md) shows where each field goes.',
    fr: '« {key} » n’est pas un champ de « {block} » mais {parent} : sortez-le de "{block}:", au même niveau d’indentation que "{block}:". Le guide de conception des badges (docs/badges.md) montre où va chaque champ.',
  },
  'zod.parent.file': { en: 'of the file itself', fr: 'du fichier lui-même' },
  'zod.parent.block': { en: 'of the "{block}" block', fr: 'du bloc « {block} »' },
  'zod.required': { en: 'This field is required but missing.', fr: 'Ce champ est obligatoire mais absent.' },
  'zod.expected': {
    en: 'Expected {expected}, found {found}.',
    fr: 'Attendu : {expected} ; trouvé : {found}.',
  },
  'zod.type.string': { en: 'a string', fr: 'un texte' },
  'zod.type.number': { en: 'a number', fr: 'un nombre' },
  'zod.type.boolean': { en: 'a boolean', fr: 'un booléen (true ou false)' },
  'zod.type.object': { en: 'an object', fr: 'un bloc de champs' },
  'zod.type.array': { en: 'an array', fr: 'une liste' },
  'zod.type.date': { en: 'a date', fr: 'une date' },
  'zod.type.other': { en: '{article} {type}', fr: '{article} {type}' },
  'zod.article.a': { en: 'a', fr: 'une valeur de type' },
  'zod.article.an': { en: 'an', fr: 'une valeur de type' },
  'zod.value.list': { en: 'a list', fr: 'une liste' },
  'zod.value.mapping': { en: 'a mapping', fr: 'un bloc de champs' },
  'zod.value.email': { en: 'an email address', fr: 'une adresse électronique' },
  'zod.value.longText': { en: 'a text of {length} characters', fr: 'un texte de {length} caractères' },
  'zod.oneOf': {
    en: 'Must be one of {values}; found {found}.',
    fr: 'Doit valoir l’une de ces valeurs : {values} ; trouvé : {found}.',
  },
  'zod.union': { en: 'Has an unexpected value {found}.', fr: 'A une valeur inattendue : {found}.' },
  'zod.notEmpty': { en: 'Must not be empty.', fr: 'Ne doit pas être vide.' },
  'zod.minChars': {
    en: 'Must be at least {min} characters long.',
    fr: 'Doit compter au moins {min} caractères.',
  },
  'zod.minItems': { en: 'Needs at least {min} item(s).', fr: 'Demande au moins {min} élément(s).' },
  'zod.min': { en: 'Must be at least {min}.', fr: 'Doit valoir au moins {min}.' },
  'zod.maxChars': {
    en: 'Is too long: at most {max} characters.',
    fr: 'Est trop long : {max} caractères au plus.',
  },
  'zod.maxItems': { en: 'Has too many items: at most {max}.', fr: 'A trop d’éléments : {max} au plus.' },
  'zod.max': { en: 'Must be at most {max}.', fr: 'Doit valoir au plus {max}.' },
  'zod.day': { en: 'Is not a valid day: {found}.', fr: 'N’est pas un jour valide : {found}.' },
  'zod.url': {
    en: 'Is not a valid http(s) URL: {found}.',
    fr: 'N’est pas une URL http(s) valide : {found}.',
  },
  'zod.email': {
    en: 'Is not a valid email address: {found}.',
    fr: 'N’est pas une adresse électronique valide : {found}.',
  },
  'zod.format': { en: '{^rule}; found {found}.', fr: '{^rule} ; trouvé : {found}.' },
  'zod.other': { en: '{^rule}.', fr: '{^rule}.' },

  // Shared pieces of hints.
  'list.or': { en: '{first} or {last}', fr: '{first} ou {last}' },
  quoted: { en: '"{name}"', fr: '« {name} »' },
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
    fr: 'Une édition donne les textes du badge dans l’autre langue : écrivez `language: {other}` et traduisez name, description et les critères.',
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
    fr: 'Retirer une clé publiée casse tous les badges qu’elle a signés. Remettez-la avec `retired: <jour>` ; si sa clé privée a fuité, marquez-la plutôt `compromised: <jour>` (voir SECURITY.md).',
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
  'yaml.unreadable.coded': {
    en: 'The YAML cannot be read: {detail}',
    fr: 'Le YAML ne peut pas être lu : {gist} ({detail})',
  },
  'yaml.code.DUPLICATE_KEY': { en: 'a key appears twice', fr: 'une clé apparaît deux fois' },
  'yaml.code.BAD_INDENT': { en: 'wrong indentation', fr: 'indentation incorrecte' },
  'yaml.code.BLOCK_AS_IMPLICIT_KEY': {
    en: 'a block where a key was expected',
    fr: 'un bloc là où une clé était attendue (souvent un « : » de trop dans une valeur)',
  },
  'yaml.code.MULTILINE_IMPLICIT_KEY': {
    en: 'a key spread over several lines',
    fr: 'une clé étalée sur plusieurs lignes (souvent un guillemet ou un « : » mal placé)',
  },
  'yaml.code.TAB_AS_INDENT': { en: 'a tab used as indentation', fr: 'une tabulation sert d’indentation' },
  'yaml.code.MISSING_CHAR': { en: 'a character is missing', fr: 'il manque un caractère' },
  'yaml.code.UNEXPECTED_TOKEN': { en: 'something unexpected', fr: 'un élément inattendu' },
  'yaml.code.BAD_DQ_ESCAPE': {
    en: 'a wrong escape in double quotes',
    fr: 'un échappement incorrect entre guillemets doubles',
  },
  'yaml.code.BAD_SCALAR_START': {
    en: 'a value starts with a reserved character',
    fr: 'une valeur commence par un caractère réservé',
  },
  'yaml.code.BAD_ALIAS': { en: 'a wrong alias or anchor', fr: 'un alias ou une ancre incorrects' },
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
  'keyMaterial.pem': { en: 'a PEM private key', fr: 'une clé privée PEM' },
  'keyMaterial.secret': { en: 'the signing-key secret', fr: 'le secret des clés de signature' },
  'keyMaterial.jwkMember': { en: 'a private JWK member', fr: 'un membre privé de JWK' },
  'keyMaterial.namedField': { en: 'a private key field', fr: 'un champ de clé privée' },
  'keyMaterial.pkcs8Base64': { en: 'a PKCS#8 private key in base64', fr: 'une clé privée PKCS#8 en base64' },
  'keyMaterial.pkcs8Der': { en: 'a PKCS#8 private key in DER', fr: 'une clé privée PKCS#8 en DER' },
  'keyMaterial.projectKey': { en: 'the private key "{id}"', fr: 'la clé privée « {id} »' },
  'keyMaterial.base64': { en: '{what}, base64-encoded', fr: '{what}, sous forme base64' },
  'keyMaterial.value': {
    en: 'Holds private key material ({what}), which must never be in content or git.',
    fr: 'Contient des éléments de clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.line': {
    en: 'This line holds private key material ({what}), which must never be in content or git.',
    fr: 'Cette ligne contient des éléments de clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.file': {
    en: 'This file holds private key material ({what}), which must never be in content or git.',
    fr: 'Ce fichier contient des éléments de clé privée ({what}), qui ne doit jamais se trouver dans le contenu ni dans git.',
  },
  'keyMaterial.hint': {
    en: 'Delete it, then treat the key as leaked: generate a new one with `npm run badges -- keygen` (see SECURITY.md).',
    fr: 'Supprimez-la, puis considérez la clé comme divulguée : créez-en une nouvelle avec `npm run badges -- keygen` (voir SECURITY.md).',
  },
  'keyMaterial.file.hint': {
    en: 'Delete the file (private keys belong in .keys/ or the CI secret, never in content/), then treat the key as leaked: generate a new one with `npm run badges -- keygen` (see SECURITY.md).',
    fr: 'Supprimez le fichier (les clés privées vont dans .keys/ ou dans le secret de CI, jamais dans content/), puis considérez la clé comme divulguée : créez-en une nouvelle avec `npm run badges -- keygen` (voir SECURITY.md).',
  },

  // Badge criteria (criteria-markup.ts).
  'criteria.element': {
    en: 'The element <{tag}> is not allowed in criteria.',
    fr: 'L’élément <{tag}> n’est pas permis dans les critères.',
  },
  'criteria.url': {
    en: 'The address{address} of <{tag}> is not allowed.',
    fr: 'L’adresse{address} de <{tag}> n’est pas permise.',
  },
  'criteria.attribute': {
    en: 'The attribute "{attribute}" of <{tag}> is not allowed.',
    fr: 'L’attribut "{attribute}" de <{tag}> n’est pas permis.',
  },
  'criteria.expression': {
    en: 'The expression {expression} would run code when the site is built.',
    fr: 'L’expression {expression} exécuterait du code à la construction du site.',
  },
  'criteria.import': {
    en: 'An import in MDX criteria would run code when the site is built.',
    fr: 'Un import dans des critères MDX exécuterait du code à la construction du site.',
  },
  'criteria.export': {
    en: 'An export in MDX criteria would run code when the site is built.',
    fr: 'Un export dans des critères MDX exécuterait du code à la construction du site.',
  },
  'criteria.esm': {
    en: 'This MDX block is code, which would run when the site is built.',
    fr: 'Ce bloc MDX est du code, qui s’exécuterait à la construction du site.',
  },
  'criteria.expressionAttribute': {
    en: 'The attribute {attribute} of <{tag}> is an expression.',
    fr: 'L’attribut {attribute} de <{tag}> est une expression.',
  },
  'criteria.namedExpressionAttribute': {
    en: 'The attribute "{attribute}" of <{tag}> is an expression.',
    fr: 'L’attribut "{attribute}" de <{tag}> est une expression.',
  },
  'criteria.fragment': {
    en: 'A JSX fragment <>…</> is not allowed in criteria.',
    fr: 'Un fragment JSX <>…</> n’est pas permis dans les critères.',
  },
  'criteria.component': {
    en: 'There is no component <{tag}> for criteria.',
    fr: 'Il n’existe pas de composant <{tag}> pour les critères.',
  },
  'criteria.components.hint': {
    en: 'Components for criteria: {components}.',
    fr: 'Composants pour les critères : {components}.',
  },
  'criteria.noComponents.hint': {
    en: 'MDX criteria may use Markdown and simple HTML elements; no component is offered, and none can be imported.',
    fr: 'Les critères MDX peuvent utiliser le Markdown et des éléments HTML simples ; aucun composant n’est proposé, et aucun ne peut être importé.',
  },
  'criteria.mdxUnreadable': {
    en: 'The MDX cannot be read: {detail}',
    fr: 'Le MDX ne peut pas être lu : {detail}',
  },
  'criteria.changed': {
    en: 'The criteria hold markup that would not be published as written.',
    fr: 'Les critères contiennent du balisage qui ne serait pas publié tel qu’il est écrit.',
  },
  'criteria.element.hint': {
    en: 'Criteria are Markdown with simple formatting (headings, lists, emphasis, links, tables, code): remove this element and keep its text.',
    fr: 'Les critères sont du Markdown à la mise en forme simple (titres, listes, emphase, liens, tableaux, code) : retirez cet élément et gardez son texte.',
  },
  'criteria.dropped.hint': {
    en: 'Remove it with its content: scripts, styles, frames, forms, svg and math are never published.',
    fr: 'Retirez-le avec son contenu : scripts, styles, cadres, formulaires, svg et math ne sont jamais publiés.',
  },
  'criteria.attribute.hint': {
    en: 'Remove the attribute: event handlers, styles and other attributes are never published.',
    fr: 'Retirez l’attribut : gestionnaires d’événements, styles et autres attributs ne sont jamais publiés.',
  },
  'criteria.url.hint': {
    en: 'Link to an http(s) or mailto address.',
    fr: 'Faites un lien vers une adresse http(s) ou mailto.',
  },
  'criteria.code.hint': {
    en: 'Criteria are text: remove it and write the words themselves (or turn the file into .md).',
    fr: 'Les critères sont du texte : retirez-le et écrivez les mots eux-mêmes (ou faites du fichier un .md).',
  },
  'criteria.braces.hint': {
    en: 'Remove the braces, or write \\{ and \\} for literal braces (or turn the file into .md).',
    fr: 'Retirez les accolades, ou écrivez \\{ et \\} pour des accolades littérales (ou faites du fichier un .md).',
  },
  'criteria.literal.hint': {
    en: 'Write the value as text in quotes, for example title="…".',
    fr: 'Écrivez la valeur comme texte entre guillemets, par exemple title="…".',
  },
  'criteria.syntax.hint': {
    en: 'In MDX, tags are JSX: close every tag, leave a blank line around block content, write \\{ for a brace (or turn the file into .md).',
    fr: 'En MDX, les balises sont du JSX : fermez chaque balise, laissez une ligne vide autour d’un bloc, écrivez \\{ pour une accolade (ou faites du fichier un .md).',
  },
  'criteria.changed.hint': {
    en: 'Keep to Markdown and the HTML elements listed in README (Criteria).',
    fr: 'Tenez-vous-en au Markdown et aux éléments HTML listés dans le README (Criteria).',
  },

  // Custom images: a badge's own artwork, an issuer's logo (artwork/custom.ts).
  'image.artwork': { en: 'Artwork', fr: 'L’image' },
  'image.logo': { en: 'Logo', fr: 'Le logo' },
  'image.artworks': { en: 'Badge images', fr: 'Les images de badge' },
  'image.logos': { en: 'Logos', fr: 'Les logos' },
  'image.notSquare': {
    en: 'Artwork "{file}" is {width}×{height}; badge images must be roughly square (width ÷ height between {min} and {max}). Crop or pad it to a square.',
    fr: 'L’image « {file} » mesure {width}×{height} ; une image de badge doit être à peu près carrée (largeur ÷ hauteur entre {min} et {max}). Recadrez-la ou complétez-la en carré.',
  },
  'image.unsupportedType': {
    en: '{subject} "{file}" must be a .png or .svg file. Convert it to PNG{shape} or SVG.',
    fr: '{subject} « {file} » doit être un fichier .png ou .svg. Convertissez le fichier en PNG{shape} ou en SVG.',
  },
  'image.unsupportedType.square': {
    en: ' (square, 128 to 2048 pixels)',
    fr: ' (carré, de 128 à 2048 pixels)',
  },
  'image.tooLarge': {
    en: '{subject} "{file}" is {size}; the limit is {limit}, {why}. Export it smaller (a 512-pixel PNG is plenty).',
    fr: '{subject} « {file} » pèse {size} ; la limite est de {limit}, {why}. Exportez un fichier plus léger (un PNG de 512 pixels suffit largement).',
  },
  'image.tooLarge.everyAward': {
    en: 'because it is copied into every award',
    fr: 'car ce fichier est copié dans chaque attribution',
  },
  'image.tooLarge.everyPage': { en: 'because every page shows it', fr: 'car chaque page l’affiche' },
  'image.pngNamedOtherwise': {
    en: '{subject} "{file}" is a PNG file with a .{extension} name. Rename it to .{actual}.',
    fr: '{subject} « {file} » est un fichier PNG nommé en .{extension}. Renommez le fichier en .{actual}.',
  },
  'image.svgNamedOtherwise': {
    en: '{subject} "{file}" is an SVG file with a .{extension} name. Rename it to .{actual}.',
    fr: '{subject} « {file} » est un fichier SVG nommé en .{extension}. Renommez le fichier en .{actual}.',
  },
  'image.notPng': {
    en: '{subject} "{file}" is not a PNG image: it does not start with the PNG signature. Export it again as PNG or SVG.',
    fr: '{subject} « {file} » n’est pas une image PNG : le fichier ne commence pas par la signature PNG. Exportez le fichier de nouveau en PNG ou en SVG.',
  },
  'image.invalidPng': {
    en: '{subject} "{file}" is not a valid PNG: {detail}',
    fr: '{subject} « {file} » n’est pas un PNG valide : {detail}',
  },
  'image.noImageData': {
    en: '{subject} "{file}" is not a valid PNG: it has no image data (IDAT). Re-export it.',
    fr: '{subject} « {file} » n’est pas un PNG valide : le fichier n’a pas de données d’image (IDAT). Exportez le fichier de nouveau.',
  },
  'image.undecodable': {
    en: '{subject} "{file}" is not a valid PNG: its image data does not decode ({detail}). Re-export it.',
    fr: '{subject} « {file} » n’est pas un PNG valide : ses données d’image ne se décodent pas ({detail}). Exportez le fichier de nouveau.',
  },
  'image.dimensions': {
    en: 'Artwork "{file}" is {width}×{height} pixels; each side must be between {min} and {max} pixels. Resize it (512×512 works well).',
    fr: 'L’image « {file} » mesure {width}×{height} pixels ; chaque côté doit mesurer entre {min} et {max} pixels. Redimensionnez-la (512×512 convient bien).',
  },
  'image.noSize': {
    en: 'Artwork "{file}" declares no size: give the <svg> element a viewBox (for example viewBox="0 0 512 512").',
    fr: 'L’image « {file} » ne déclare aucune taille : donnez un viewBox à l’élément <svg> (par exemple viewBox="0 0 512 512").',
  },
  'image.invalidSvg': {
    en: '{subject} "{file}" is not a valid SVG: {detail}. Re-export it as plain SVG.',
    fr: '{subject} « {file} » n’est pas un SVG valide : {detail}. Exportez le fichier de nouveau en SVG simple.',
  },
  'image.svgScript': {
    en: '{subject} "{file}" contains a <{element}> element. {plural} must not carry scripts or embedded HTML: remove it.',
    fr: '{subject} « {file} » contient un élément <{element}>. {plural} ne doivent contenir ni script ni HTML intégré : retirez cet élément.',
  },
  'image.svgScriptAttribute': {
    en: '{subject} "{file}" has a script in the {attribute} attribute of <{element}>. Remove it.',
    fr: '{subject} « {file} » a un script dans l’attribut {attribute} de <{element}>. Retirez ce script.',
  },
  'image.external': {
    en: '{subject} "{file}" refers to "{value}" from <{element}>. {plural} must be self-contained: embed the resource or remove the reference.',
    fr: '{subject} « {file} » fait référence à "{value}" depuis <{element}>. {plural} doivent être autonomes : intégrez la ressource ou retirez la référence.',
  },

  // What administrators type for `award` and `revoke`, and CSV rosters (src/core/authoring/).
  'email.missing': { en: 'The email address is missing.', fr: 'L’adresse électronique manque.' },
  'email.space': {
    en: 'The email address contains a space.',
    fr: 'L’adresse électronique contient une espace.',
  },
  'email.tooLong': {
    en: 'The email address is longer than {max} characters.',
    fr: 'L’adresse électronique dépasse {max} caractères.',
  },
  'email.noAt': { en: 'The email address has no "@".', fr: 'L’adresse électronique n’a pas de "@".' },
  'email.manyAt': {
    en: 'The email address has more than one "@".',
    fr: 'L’adresse électronique a plus d’un "@".',
  },
  'email.nothingBefore': {
    en: 'The email address has nothing before the "@".',
    fr: 'L’adresse électronique n’a rien avant le "@".',
  },
  'email.nothingAfter': {
    en: 'The email address has nothing after the "@".',
    fr: 'L’adresse électronique n’a rien après le "@".',
  },
  'email.misplacedDot': {
    en: 'The email address has a misplaced dot before the "@".',
    fr: 'L’adresse électronique a un point mal placé avant le "@".',
  },
  'email.badCharacter': {
    en: 'The email address contains a character that addresses cannot hold (an accent, a comma, a bracket…).',
    fr: 'L’adresse électronique contient un caractère impossible dans une adresse (un accent, une virgule, un crochet…).',
  },
  'email.noDomain': {
    en: 'The email address does not end with a domain such as "school.org".',
    fr: 'L’adresse électronique ne se termine pas par un domaine comme "ecole.fr".',
  },
  'name.missing': { en: 'The name is missing.', fr: 'Le nom manque.' },
  'name.tooLong': { en: 'The name is longer than {max} characters.', fr: 'Le nom dépasse {max} caractères.' },
  'name.email': {
    en: 'The name contains an email address, which would be published (are two columns swapped?).',
    fr: 'Le nom contient une adresse électronique, qui serait publiée (deux colonnes sont-elles inversées ?).',
  },
  'name.control': {
    en: 'The name contains a control character ({control}), which cannot be published.',
    fr: 'Le nom contient un caractère de contrôle ({control}), qui ne peut pas être publié.',
  },
  'name.invisible': {
    en: 'The name contains an invisible or direction-changing character ({code} {charName} at character {position}), which would make it read differently from what it is.',
    fr: 'Le nom contient un caractère invisible ou qui change le sens d’écriture ({code} {charName} au caractère {position}), qui le ferait lire autrement qu’il n’est écrit.',
  },
  'label.narrative': { en: 'narrative', fr: 'le récit' },
  'label.reason': { en: 'reason', fr: 'le motif' },
  'publicText.tooLong': {
    en: 'The {label} is longer than {max} characters.',
    fr: '{^label} dépasse {max} caractères.',
  },
  'publicText.email': {
    en: 'The {label} contains an email address, which would be published.',
    fr: '{^label} contient une adresse électronique, qui serait publiée.',
  },
  'publicText.control': {
    en: 'The {label} contains a control character ({control}), which cannot be published.',
    fr: '{^label} contient un caractère de contrôle ({control}), qui ne peut pas être publié.',
  },
  'publicText.key': {
    en: 'The {label} holds private key material ({what}), which must never be published: treat the key as leaked.',
    fr: '{^label} contient des éléments de clé privée ({what}), qui ne doivent jamais être publiés : considérez la clé comme divulguée.',
  },
  'label.issueDate': { en: 'issue date', fr: 'la date d’attribution' },
  'label.expiryDate': { en: 'expiry date', fr: 'la date d’expiration' },
  'label.revocationDate': { en: 'revocation date', fr: 'la date de révocation' },
  'day.refused': { en: 'The {label} {value} {reason}.', fr: '{^label} {value} {reason}.' },
  'day.noMonth': { en: 'has no month {month}', fr: 'n’a pas de mois {month}' },
  'day.notReal': {
    en: 'is not a real day ({month}/{year} has {days} days)',
    fr: 'n’est pas un vrai jour ({month}/{year} compte {days} jours)',
  },
  'day.unlikelyYear': { en: 'has an unlikely year {year}', fr: 'a une année improbable, {year}' },
  'day.fourDigits': {
    en: 'needs a four-digit year (DD/MM/YYYY)',
    fr: 'demande une année à quatre chiffres (JJ/MM/AAAA)',
  },
  'day.monthAbove12': {
    en: 'has a month above 12: dates are read day first (DD/MM/YYYY)',
    fr: 'a un mois supérieur à 12 : les dates se lisent jour d’abord (JJ/MM/AAAA)',
  },
  'day.notADate': {
    en: 'is not a date written YYYY-MM-DD or DD/MM/YYYY',
    fr: 'n’est pas une date écrite AAAA-MM-JJ ou JJ/MM/AAAA',
  },
  'evidence.email': {
    en: 'The evidence link contains an email address, which would be published.',
    fr: 'Le lien de preuve contient une adresse électronique, qui serait publiée.',
  },
  'evidence.notWeb': {
    en: 'The evidence link {value} is not a web address starting with https:// (or http://).',
    fr: 'Le lien de preuve {value} n’est pas une adresse web commençant par https:// (ou http://).',
  },
  'request.future': {
    en: 'The issue date {issuedOn} is in the future (today is {today}); award it on or after that day.',
    fr: 'La date d’attribution {issuedOn} est dans le futur (nous sommes le {today}) ; attribuez le badge ce jour-là ou après.',
  },
  'request.sameEmail': {
    en: 'The same email address as line {line} ({name}).',
    fr: 'La même adresse électronique qu’à la ligne {line} ({name}).',
  },
  'request.noName': { en: 'no name', fr: 'sans nom' },
  'separator.comma': { en: 'a comma', fr: 'une virgule' },
  'separator.semicolon': { en: 'a semicolon', fr: 'un point-virgule' },
  'separator.tab': { en: 'a tab', fr: 'une tabulation' },
  'row.tooManyValues': {
    en: 'The row has more values than the header has columns: a value holding {separator} needs quotes around it.',
    fr: 'La ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient {separator} doit être entre guillemets.',
  },
  'roster.empty': { en: 'The file is empty.', fr: 'Le fichier est vide.' },
  'roster.empty.hint': { en: 'Export the roster again.', fr: 'Exportez de nouveau la liste.' },
  'roster.unclosedQuote': {
    en: 'The quoted value that starts on line {line} is never closed.',
    fr: 'La valeur entre guillemets qui commence à la ligne {line} n’est jamais fermée.',
  },
  'roster.unclosedQuote.hint': {
    en: 'Add the missing closing quote ("), or remove the opening one.',
    fr: 'Ajoutez le guillemet fermant qui manque ("), ou retirez le guillemet ouvrant.',
  },
  'roster.unreadable': {
    en: 'The file cannot be read as CSV near line {line}.',
    fr: 'Le fichier ne peut pas être lu comme du CSV vers la ligne {line}.',
  },
  'roster.unreadable.hint': {
    en: 'Check the quotes on that line: a value in quotes must end with a quote.',
    fr: 'Vérifiez les guillemets de cette ligne : une valeur entre guillemets doit se terminer par un guillemet.',
  },
  'columns.column': { en: '"{header}" (column {letter})', fr: '« {header} » (colonne {letter})' },
  'columns.two': {
    en: 'Two columns could hold the {what}: {first} and {second}.',
    fr: 'Deux colonnes pourraient contenir {what} : {first} et {second}.',
  },
  'columns.two.hint': {
    en: 'Rename or delete one of them, then run the command again.',
    fr: 'Renommez ou supprimez l’une des deux, puis relancez la commande.',
  },
  'columns.kind.fullName': { en: 'full name', fr: 'le nom complet' },
  'columns.kind.nameOrLastName': { en: 'name', fr: 'le nom' },
  'columns.kind.lastName': { en: 'last name', fr: 'le nom de famille' },
  'columns.kind.firstName': { en: 'first name', fr: 'le prénom' },
  'columns.kind.email': { en: 'email address', fr: 'l’adresse électronique' },
  'columns.kind.evidence': { en: 'evidence link', fr: 'le lien de preuve' },
  'columns.kind.narrative': { en: 'narrative', fr: 'le récit' },
  'columns.kind.issuedOn': { en: 'issue date', fr: 'la date d’attribution' },
  'columns.kind.expires': { en: 'expiry date', fr: 'la date d’expiration' },
  'columns.seen': {
    en: ' The header row (line {line}) has {columns}.',
    fr: ' La ligne d’en-tête (ligne {line}) contient {columns}.',
  },
  'columns.noEmail': {
    en: 'No column holds the email addresses.{seen}',
    fr: 'Aucune colonne ne contient les adresses électroniques.{seen}',
  },
  'columns.noEmail.hint': {
    en: 'Name that column "Email" or "Courriel".',
    fr: 'Nommez cette colonne "Courriel" ou "Email".',
  },
  'columns.noName': {
    en: "No column holds the earners' names.{seen}",
    fr: 'Aucune colonne ne contient les noms des personnes.{seen}',
  },
  'columns.noName.hint': {
    en: 'Name that column "Nom complet" or "Name" (or use two columns, "Prénom" and "Nom").',
    fr: 'Nommez cette colonne "Nom complet" ou "Name" (ou utilisez deux colonnes, "Prénom" et "Nom").',
  },
  'columns.noHeader': {
    en: 'The first row holds an email address: the roster has no header row.',
    fr: 'La première ligne contient une adresse électronique : la liste n’a pas de ligne d’en-tête.',
  },
  'columns.noHeader.hint': {
    en: 'Add a first row with the column names, for example: Nom complet;Courriel',
    fr: 'Ajoutez une première ligne avec les noms des colonnes, par exemple `Nom complet;Courriel`',
  },
  'plan.statusListFull': {
    en: 'The status list of issuer "{issuer}" has {free} free positions left, and {needed} are needed.',
    fr: 'La liste de statut de l’émetteur « {issuer} » n’a plus que {free} positions libres, et il en faut {needed}.',
  },

  // Signing keys (src/shell/keys.ts), for the build and `check` alike.
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
  // Endorsements (content/endorsements/*.json, src/core/endorsements/check.ts).
  'endorsement.signAgain.hint': {
    en: 'Do not edit a signed endorsement: ask the endorser to sign the request again (`npm run badges -- endorse sign`) and commit the file they send back unchanged.',
    fr: 'Ne modifiez pas une recommandation signée : demandez à son auteur de signer à nouveau la demande (`npm run badges -- endorse sign`) et versionnez sans le modifier le fichier qu’il vous renvoie.',
  },
  'endorsement.newRequest.hint': {
    en: 'Write a new request in this project (`npm run badges -- endorse request`) and have it signed: the request holds the right addresses.',
    fr: 'Rédigez une nouvelle demande dans ce projet (`npm run badges -- endorse request`) et faites-la signer : la demande contient les bonnes adresses.',
  },
  'endorsement.notJson': {
    en: 'Files under content/endorsements/ are signed endorsements in JSON; this one is not a .json file.',
    fr: 'Les fichiers de content/endorsements/ sont des recommandations signées en JSON ; celui-ci n’est pas un fichier .json.',
  },
  'endorsement.notJson.hint': {
    en: 'Move it out of content/endorsements/, or commit the .json file `badges endorse sign` wrote.',
    fr: 'Sortez-le de content/endorsements/, ou versionnez le fichier .json écrit par `badges endorse sign`.',
  },
  'endorsement.invalidJson': {
    en: 'The file is not valid JSON: {detail}',
    fr: 'Le fichier n’est pas du JSON valide : {detail}',
  },
  'endorsement.notObject': {
    en: 'The file does not hold a JSON object, so it is not an endorsement.',
    fr: 'Le fichier ne contient pas d’objet JSON : ce n’est donc pas une recommandation.',
  },
  'endorsement.schema': {
    en: 'Not a valid OB 3.0 EndorsementCredential: {detail}.',
    fr: 'Pas un EndorsementCredential OB 3.0 valide : {detail}.',
  },
  'endorsement.control': {
    en: 'This text holds a control character ({control}), which cannot be published.',
    fr: 'Ce texte contient un caractère de contrôle ({control}), qui ne peut pas être publié.',
  },
  'endorsement.invisibleName': {
    en: "The endorser's name holds an invisible or direction-changing character ({code} {name} at character {position}).",
    fr: 'Le nom de l’auteur de la recommandation contient un caractère invisible ou qui change le sens d’écriture ({code} {name} au caractère {position}).',
  },
  'endorsement.unsigned': {
    en: 'The endorsement is not signed: it has no proof.',
    fr: 'La recommandation n’est pas signée : elle n’a pas de preuve (« proof »).',
  },
  'endorsement.unsigned.hint': {
    en: 'Send this request to the endorser; they sign it with `npm run badges -- endorse sign <file> --key <their key>`, and you commit the signed file they send back.',
    fr: 'Envoyez cette demande à l’auteur de la recommandation ; il la signe avec `npm run badges -- endorse sign <file> --key <their key>`, et vous versionnez le fichier signé qu’il vous renvoie.',
  },
  'endorsement.endorserId': {
    en: 'The endorser is identified by "{id}", which is neither a did:key nor a did:web.',
    fr: 'L’auteur de la recommandation est identifié par « {id} », qui n’est ni un did:key ni un did:web.',
  },
  'endorsement.endorserName': {
    en: "The endorser's name is missing; pages show it with the endorsement.",
    fr: 'Le nom de l’auteur de la recommandation manque ; les pages l’affichent avec la recommandation.',
  },
  'endorsement.notYetValid': {
    en: 'The endorsement is valid from {day}, after today ({today}).',
    fr: 'La recommandation est valable à partir du {day}, après aujourd’hui ({today}).',
  },
  'endorsement.notYetValid.hint': {
    en: 'Commit it on or after that day, or ask the endorser to sign a request dated today.',
    fr: 'Versionnez-la ce jour-là ou plus tard, ou demandez à son auteur de signer une demande datée d’aujourd’hui.',
  },
  'endorsement.expired': {
    en: 'The endorsement expired on {day}.',
    fr: 'La recommandation a expiré le {day}.',
  },
  'endorsement.expired.hint': {
    en: 'Remove the file, or ask the endorser for a new endorsement.',
    fr: 'Supprimez le fichier, ou demandez à son auteur une nouvelle recommandation.',
  },
  'endorsement.siteUnknown': {
    en: 'The endorsement cannot be checked: {reason}',
    fr: 'La recommandation ne peut pas être vérifiée : {reason}',
  },
  'endorsement.siteUnknown.default': {
    en: 'the address of the site is unknown.',
    fr: 'l’adresse du site est inconnue.',
  },
  'endorsement.siteUnknown.hint': {
    en: 'Set `site` and `base` in astro.config.mjs as plain strings.',
    fr: 'Définissez `site` et `base` dans astro.config.mjs sous forme de simples chaînes.',
  },
  'endorsement.badId': {
    en: `The endorsement's id "{id}" is not an address of this site's endorsements ({stem}<name>.json).`,
    fr: 'L’identifiant de la recommandation, « {id} », n’est pas une adresse des recommandations de ce site ({stem}<name>.json).',
  },
  'endorsement.unknownSubject': {
    en: 'It endorses "{id}", which is no badge, issuer or award of this site.',
    fr: 'Elle recommande « {id} », qui n’est ni un badge, ni un émetteur, ni une attribution de ce site.',
  },
  'endorsement.unknownSubject.guess.hint': {
    en: 'Did you mean the badge "{slug}" ({id})? {next}',
    fr: 'Vouliez-vous dire le badge « {slug} » ({id}) ? {next}',
  },
  'endorsement.unknownSubject.hint': {
    en: 'The endorsed badge, issuer or award may have been renamed or removed. {next}',
    fr: 'Le badge, l’émetteur ou l’attribution recommandé a peut-être été renommé ou supprimé. {next}',
  },
  'endorsement.duplicate': {
    en: 'Another file already holds the endorsement {id} ({file}).',
    fr: 'Un autre fichier contient déjà la recommandation {id} ({file}).',
  },
  'endorsement.duplicate.hint': {
    en: 'Keep one file per endorsement: delete the copy.',
    fr: 'Gardez un seul fichier par recommandation : supprimez la copie.',
  },
  'endorsement.didWebNotPinned': {
    en: 'The endorser is identified by {did}, whose DID document is not in the project: the signature cannot be checked without it, and content is checked without fetching anything.',
    fr: 'L’auteur de la recommandation est identifié par {did}, dont le document DID n’est pas dans le projet : sans lui, la signature ne peut pas être vérifiée, et le contenu est vérifié sans rien télécharger.',
  },
  'endorsement.didWebNotPinned.hint': {
    en: 'Ask the endorser for their did.json, or download it from {url}, and commit it unchanged as {file}.',
    fr: 'Demandez à l’auteur de la recommandation son fichier did.json, ou téléchargez-le depuis {url}, et versionnez-le sans le modifier sous le nom {file}.',
  },
  'endorsement.didWebKey': {
    en: "The endorsement is signed with {method}, which the endorser's DID document ({file}) does not list as a signing key (assertionMethod) of {did}.",
    fr: 'La recommandation est signée avec {method}, que le document DID de son auteur ({file}) ne liste pas comme clé de signature (« assertionMethod ») de {did}.',
  },
  'endorsement.didWebKey.hint': {
    en: 'The endorser may have changed their key: download their current document from {url} and commit it as {file}. If that copy is current, ask the endorser to sign the request again (`npm run badges -- endorse sign`).',
    fr: 'L’auteur de la recommandation a peut-être changé de clé : téléchargez son document actuel depuis {url} et versionnez-le sous le nom {file}. Si cette copie est à jour, demandez-lui de signer à nouveau la demande (`npm run badges -- endorse sign`).',
  },
  'endorsement.wrongKey': {
    en: "The endorsement is signed with a key that is not the endorser's: {method} is not a key of {did}.",
    fr: 'La recommandation est signée avec une clé qui n’est pas celle de son auteur : {method} n’est pas une clé de {did}.',
  },
  'endorsement.wrongKey.itsKey': { en: 'its key', fr: 'sa clé' },
  'endorsement.badSignature': {
    en: "The endorsement's signature does not match its content: it was changed after {name} signed it, or signed with another key than {did}.",
    fr: 'La signature de la recommandation ne correspond pas à son contenu : elle a été modifiée après que {name} l’a signée, ou signée avec une autre clé que {did}.',
  },
  // did:web endorsers' pinned DID documents (content/endorsers/, src/core/endorsements/pinned.ts).
  'endorser.place': {
    en: 'Files under content/endorsers/ are the DID documents of did:web endorsers, each at content/endorsers/<host>/did.json or content/endorsers/<host>/<path>/did.json; this one is not at such a place.',
    fr: 'Les fichiers de content/endorsers/ sont les documents DID des auteurs de recommandations identifiés par un did:web, chacun sous content/endorsers/<host>/did.json ou content/endorsers/<host>/<path>/did.json ; celui-ci n’est pas à un tel emplacement.',
  },
  'endorser.place.hint': {
    en: 'Move it to the place its did:web gives: did:web:example.org → content/endorsers/example.org/did.json, did:web:example.org:people:ana → content/endorsers/example.org/people/ana/did.json.',
    fr: 'Déplacez-le à l’emplacement que donne son did:web : did:web:example.org → content/endorsers/example.org/did.json, did:web:example.org:people:ana → content/endorsers/example.org/people/ana/did.json.',
  },
  'endorser.download.hint': {
    en: 'Download the document again from {url}, or ask the endorser for their did.json, and commit it unchanged as {file}.',
    fr: 'Téléchargez à nouveau le document depuis {url}, ou demandez à son auteur son fichier did.json, et versionnez-le sans le modifier sous le nom {file}.',
  },
  'endorser.invalidJson': {
    en: 'The DID document is not valid JSON: {detail}',
    fr: 'Le document DID n’est pas du JSON valide : {detail}',
  },
  'endorser.notObject': {
    en: 'The file does not hold a JSON object, so it is not a DID document.',
    fr: 'Le fichier ne contient pas d’objet JSON : ce n’est donc pas un document DID.',
  },
  'endorser.idMismatch': {
    en: 'The DID document\'s id is "{id}", not {did}, the did:web its place in content/endorsers/ stands for.',
    fr: 'L’identifiant du document DID est « {id} », et non {did}, le did:web que désigne son emplacement dans content/endorsers/.',
  },
  'endorser.malformed': {
    en: "The DID document's {member} is missing or malformed: it must be a non-empty list of verification methods, each with an id (for assertionMethod, their ids will do).",
    fr: 'Le membre {member} du document DID manque ou est mal formé : ce doit être une liste non vide de méthodes de vérification, chacune avec un identifiant (pour assertionMethod, leurs identifiants suffisent).',
  },
  // Milestones: a badge's `requires` (src/core/content/milestones.ts).
  'milestone.requiresItself': {
    en: 'The badge "{slug}" requires itself.',
    fr: 'Le badge « {slug} » se requiert lui-même.',
  },
  'milestone.requiresItself.hint': {
    en: 'List the other badges an earner must hold first; a milestone cannot be one of its own parts.',
    fr: 'Listez les autres badges qu’il faut détenir d’abord ; un badge de parcours ne peut pas faire partie de ses propres étapes.',
  },
  'milestone.listedTwice': {
    en: 'The badge "{slug}" is listed twice.',
    fr: 'Le badge « {slug} » est listé deux fois.',
  },
  'milestone.listedTwice.hint': {
    en: 'List each required badge once; to ask for only some of them, set requires.atLeast.',
    fr: 'Listez chaque badge requis une seule fois ; pour n’en demander que certains, définissez requires.atLeast.',
  },
  'milestone.unknownBadge': { en: 'No badge "{slug}" exists.', fr: 'Il n’existe aucun badge « {slug} ».' },
  'milestone.unknownBadge.hint': {
    en: '{guess}Badges are the files in content/badges/.',
    fr: '{guess}Les badges sont les fichiers de content/badges/.',
  },
  'milestone.didYouMean': { en: 'Did you mean "{name}"? ', fr: 'Vouliez-vous dire « {name} » ? ' },
  'milestone.atLeast.one': {
    en: 'atLeast is {atLeast}, but only {count} badge is listed.',
    fr: 'atLeast vaut {atLeast}, mais {count} seul badge est listé.',
  },
  'milestone.atLeast.other': {
    en: 'atLeast is {atLeast}, but only {count} badges are listed.',
    fr: 'atLeast vaut {atLeast}, mais seulement {count} badges sont listés.',
  },
  'milestone.atLeast.hint': {
    en: 'Set atLeast to at most {count}, or remove it to require all the listed badges.',
    fr: 'Donnez à atLeast une valeur d’au plus {count}, ou retirez-le pour exiger tous les badges listés.',
  },
  'milestone.circle': {
    en: 'Milestones require each other in a circle ({circle}): nobody could ever earn them.',
    fr: 'Des badges de parcours se requièrent en boucle ({circle}) : personne ne pourrait jamais les obtenir.',
  },
  'milestone.circle.hint': {
    en: 'Remove "{slug}" from this list, or the milestone that leads back here from the other one.',
    fr: 'Retirez « {slug} » de cette liste, ou retirez de l’autre badge de parcours le badge qui ramène à celui-ci.',
  },
  // Where the site is published (shell/site-config.ts).
  'siteConfig.unreadable': {
    en: '{file} could not be read, so the address of the site is unknown.',
    fr: '{file} n’a pas pu être lu : l’adresse du site est donc inconnue.',
  },
  'siteConfig.noSite': {
    en: "{file} has no `site: '<https address>'` line with a plain string, so the address of the site is unknown.",
    fr: "{file} n’a pas de ligne `site: '<https address>'` avec une simple chaîne : l’adresse du site est donc inconnue.",
  },
} as const satisfies Record<string, Bilingual>;
