/**
 * What a fan writes when he wants a real person, or when he is in distress (self-harm, crisis), in
 * French and English (with a few Spanish/Italian/German forms), matched on folded text
 * (`foldForMatching`: lower case, no accents). Written to over-detect rather than miss: a hand-off
 * is a suggestion to the CRM, and a false alarm costs a chatter's glance, a missed crisis much more.
 */

/** The fan asks to talk to a human, the real creator, or "not a bot". */
export const HUMAN_REQUEST_PATTERNS: readonly RegExp[] = [
  /\b(?:je veux|je voudrais|j'aimerais|laisse[- ]moi|passe[- ]moi|je peux|on peut|est-ce que je peux) (?:parler|discuter|ecrire|avoir) (?:a|avec) (?:une? )?(?:vraie? (?:personne|humaine?|fille|femme)|humaine?|personne reelle|quelqu'un de (?:vrai|reel)|la vraie|le vrai|toi en vrai|un operateur|un moderateur|ton manager|ton agent|un chatteur|une chatteuse)\b/,
  /\b(?:passe[- ]moi|je veux|je veux parler a|c'est (?:toi|qui) la vraie\??|t'es) (?:la vraie|le vrai|une vraie personne|un vrai humain|quelqu'un de vrai|un humain|une humaine)\b(?! (?:vie|photo|video))/,
  /\b(?:une? )?(?:vraie? personne|vraie? humaine?|etre humain) (?:svp|stp|s'il te plait|s'il vous plait|please)\b/,
  /\b(?:arrete|stop) (?:le|ton|avec le|avec ton) (?:bot|robot|ia|script|programme)\b/,
  /\bpas (?:a|avec) (?:un |une )?(?:bot|robot|ia|machine|programme)\b.{0,30}\b(?:parler|discuter|ecrire)\b|\b(?:parler|discuter|ecrire)\b.{0,30}\bpas (?:a|avec) (?:un |une )?(?:bot|robot|ia|machine|programme)\b/,
  /\b(?:i want|i'd like|let me|can i|could i|i need) (?:to )?(?:talk|speak|chat) (?:to|with) (?:a )?(?:real (?:person|human|girl|woman|you)|human|live (?:person|agent)|the real (?:you|her|one)|an? (?:operator|agent|moderator)|your (?:manager|agent|team))\b/,
  /\b(?:real|actual) (?:person|human) (?:please|pls|plz)\b|\b(?:stop|no more) (?:the )?(?:bot|ai|script)\b|\bnot (?:a|an|the|with a|with an|to a|to an) (?:bot|ai|machine|robot)\b.{0,20}\b(?:talk|speak|chat)\b/,
  /\b(?:quiero|puedo) hablar con (?:una )?(?:persona real|humana?|la verdadera)\b|\bvoglio parlare con (?:una )?(?:persona vera|umana?)\b|\bich will (?:mit )?(?:einem |einer )?(?:echten (?:menschen|person)|mensch) (?:reden|sprechen)\b/,
];

/** Self-harm, suicide, crisis. */
export const DISTRESS_PATTERNS: readonly RegExp[] = [
  /\b(?:me suicider|suicide|suicidaire|me tuer|me foutre en l'air|en finir avec (?:la vie|tout|moi)|mettre fin a (?:mes jours|ma vie)|j'ai envie de mourir|je veux mourir|envie de crever|je vais crever|plus envie de vivre|plus envie de rien|marre de vivre|me faire du mal|me scarifier|je me scarifie|je me coupe)\b/,
  /\b(?:personne ne (?:m'aime|me comprend)|je ne sers a rien|je sers a rien|je suis au bout|je n'en peux plus|j'en peux plus|je craque|crise d'angoisse|attaque de panique)\b/,
  /\b(?:kill myself|killing myself|suicide|suicidal|end (?:it all|my life)|want to die|wanna die|don'?t want to live|no reason to live|hurt myself|hurting myself|self[- ]harm|cut myself|cutting myself|overdose|can'?t go on|panic attack)\b/,
  /\b(?:quiero morir(?:me)?|suicidarme|matarme|voglio morire|uccidermi|ich will sterben|mich umbringen)\b/,
];

export const matchesAny = (patterns: readonly RegExp[], folded: string): boolean => patterns.some((p) => p.test(folded));
