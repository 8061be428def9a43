<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en_GB">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>{what} for {customer} ({category}), asked by {staff}</source>
        <translation>{what} pour {customer} ({category}), demandé par {staff}</translation>
    </message>
    <message>
        <source>last goodwill {value} on {day}</source>
        <translation>dernier geste {value} le {day}</translation>
    </message>
    <message>
        <source>no goodwill before</source>
        <translation>aucun geste auparavant</translation>
    </message>
    <message>
        <source>{tier} · customer for {tenure} · {spend} in 12 months · {last}</source>
        <translation>{tier} · client depuis {tenure} · {spend} sur 12 mois · {last}</translation>
    </message>
    <message>
        <source>Dispute: {category}, {amount} disputed</source>
        <translation>Litige&#xa0;: {category}, {amount} contestés</translation>
    </message>
    <message>
        <source>This customer is no longer in this station&apos;s data.</source>
        <translation>Ce client ne figure plus dans les données de ce poste.</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Accord du superviseur</translation>
    </message>
    <message>
        <source>Needs approval: {0}</source>
        <translation>À faire valider&#xa0;: {0}</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Approver&apos;s staff id</source>
        <translation>Identifiant de la personne qui décide</translation>
    </message>
    <message>
        <source>Approver&apos;s PIN</source>
        <translation>Code PIN de la personne qui décide</translation>
    </message>
    <message>
        <source>Reason (needed to deny)</source>
        <translation>Motif (obligatoire pour refuser)</translation>
    </message>
    <message>
        <source>Approver &amp;id</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;Code PIN</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Approve  ⏎</source>
        <translation>Accorder  ⏎</translation>
    </message>
    <message>
        <source>Deny  Ctrl+D</source>
        <translation>Refuser  Ctrl+D</translation>
    </message>
    <message>
        <source>The approver types their own staff id and PIN.</source>
        <translation>La personne qui décide saisit son propre identifiant et son code PIN.</translation>
    </message>
    <message>
        <source>Say why it is denied.</source>
        <translation>Indiquez le motif du refus.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Writing an invented export…</source>
        <translation>Écriture d&apos;un export fictif…</translation>
    </message>
    <message>
        <source>Summing up {0} customers…</source>
        <translation>Calcul des totaux de {0} clients…</translation>
    </message>
    <message>
        <source>Working out what customers are likely to spend…</source>
        <translation>Calcul de ce que les clients dépenseront probablement…</translation>
    </message>
    <message>
        <source>Importing {name}: {rows} rows</source>
        <translation>Import de {name}&#xa0;: {rows} lignes</translation>
    </message>
</context>
<context>
    <name>ChainSync</name>
    <message>
        <source>NOT YET SYNCED — this station has not received the chain&apos;s data: goodwill given at other stations is not counted yet.</source>
        <translation>PAS ENCORE SYNCHRONISÉ — ce poste n&apos;a pas reçu les données de la chaîne&#xa0;: les gestes accordés aux autres postes ne sont pas encore comptés.</translation>
    </message>
    <message numerus="yes">
        <source>%n decisions made here offline had been made first elsewhere in the chain: the first decision stands (see the goodwill history)</source>
        <translation>
            <numerusform>%n décision prise ici hors ligne avait déjà été prise ailleurs dans la chaîne&#xa0;: la première décision l&apos;emporte (voir les gestes commerciaux)</numerusform>
            <numerusform>%n décisions prises ici hors ligne avaient déjà été prises ailleurs dans la chaîne&#xa0;: la première décision l&apos;emporte (voir les gestes commerciaux)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions made here were refused by the chain&apos;s rules: those requests wait for a supervisor again</source>
        <translation>
            <numerusform>%n décision prise ici a été refusée par les règles de la chaîne&#xa0;: la demande attend de nouveau un superviseur</numerusform>
            <numerusform>%n décisions prises ici ont été refusées par les règles de la chaîne&#xa0;: ces demandes attendent de nouveau un superviseur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>offline since {0} — %n records waiting</source>
        <translation>
            <numerusform>hors ligne depuis {0} — %n enregistrement en attente</numerusform>
            <numerusform>hors ligne depuis {0} — %n enregistrements en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message>
        <source>synced {0} ago</source>
        <translation>synchronisé il y a {0}</translation>
    </message>
    <message>
        <source>Offline: goodwill at other stations is counted as of the last sync ({0}).</source>
        <translation>Hors ligne&#xa0;: les gestes des autres postes sont comptés tels qu&apos;à la dernière synchronisation ({0}).</translation>
    </message>
    <message>
        <source>Offline: goodwill at other stations is not counted (never synced).</source>
        <translation>Hors ligne&#xa0;: les gestes des autres postes ne sont pas comptés (jamais synchronisé).</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0}&#xa0;s</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0}&#xa0;min</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0}&#xa0;h</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Scan a card, or type a phone number, name or email.

Enter opens the top match · ↓ moves to the list · Esc clears · F2 searches</source>
        <translation>Scannez une carte, ou tapez un numéro de téléphone, un nom ou un e-mail.

Entrée ouvre le premier résultat · ↓ passe à la liste · Échap efface · F2 recherche</translation>
    </message>
    <message>
        <source>Show phone  Ctrl+R</source>
        <translation>Voir le tél.  Ctrl+R</translation>
    </message>
    <message>
        <source>Show the full phone number (recorded)</source>
        <translation>Afficher le numéro de téléphone complet (consultation enregistrée)</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Valeur client</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>Visits (12 mo)</source>
        <translation>Visites (12 mois)</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Foyer</translation>
    </message>
    <message>
        <source>What this customer is likely to spend with us over the next 12 months, and how likely they are to be still buying from us. Both are worked out from how often and how recently they have bought and what they usually spend, by a model fitted to every customer&apos;s purchases at the last import. A forecast, not a promise.</source>
        <translation>Ce que ce client dépensera probablement chez nous dans les 12 prochains mois, et la probabilité qu&apos;il achète encore chez nous. Les deux sont calculés d&apos;après la fréquence de ses achats, leur date et ce qu&apos;il dépense d&apos;habitude, par un modèle ajusté sur les achats de tous les clients lors de la dernière importation. Une prévision, pas une promesse.</translation>
    </message>
    <message>
        <source>spend by month,
last 24 months</source>
        <translation>achats par mois,
24 derniers mois</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Ce qu&apos;a dit le client</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Customer history</source>
        <translation>Historique du client</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Achats</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Goodwill history</source>
        <translation>Gestes commerciaux</translation>
    </message>
    <message>
        <source>Tier: {0}</source>
        <translation>Niveau&#xa0;: {0}</translation>
    </message>
    <message>
        <source>matched on {0}</source>
        <translation>trouvé par {0}</translation>
    </message>
    <message>
        <source>net of refunds</source>
        <translation>hors remboursements</translation>
    </message>
    <message>
        <source>avg order {0}</source>
        <translation>panier moyen {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n réclamation</numerusform>
            <numerusform>%n réclamations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>just them</source>
        <translation>personne seule</translation>
    </message>
    <message>
        <source>customer since {0}</source>
        <translation>client depuis {0}</translation>
    </message>
    <message>
        <source>card …{0} {1} {2}</source>
        <translation>carte …{0} {1} {2}</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>pas de carte</translation>
    </message>
    <message>
        <source>phone {0}</source>
        <translation>tél. {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Prefers: {0}</source>
        <translation>Préférences&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation>Notes&#xa0;: {0}</translation>
    </message>
    <message>
        <source>No preferences or notes recorded.</source>
        <translation>Aucune préférence ni note enregistrée.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>In their own words</source>
        <translation>Avec ses propres mots</translation>
    </message>
    <message>
        <source>What {0} said</source>
        <translation>Ce qu&apos;a dit {0}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Ses mots</translation>
    </message>
    <message>
        <source>As they said it…</source>
        <translation>Tel que le client l&apos;a dit…</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Paroles</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>{0}: first start</source>
        <translation>{0}&#xa0;: premier démarrage</translation>
    </message>
    <message>
        <source>This station has no staff accounts yet. Create the first one: a manager, who can then add clerks and supervisors (standing staff add).</source>
        <translation>Ce poste n&apos;a encore aucun compte. Créez le premier&#xa0;: celui d&apos;un responsable, qui pourra ensuite ajouter les agents et les superviseurs (standing staff add).</translation>
    </message>
    <message>
        <source>Manager&apos;s staff id</source>
        <translation>Identifiant du responsable</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Nom du responsable</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Code PIN, à nouveau</translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;Code PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>&amp;Répéter le code PIN</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Créer le responsable</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>Les deux codes PIN diffèrent&#xa0;: saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>GoodwillFlow</name>
    <message>
        <source>Recorded, but no backup could be made: {0}</source>
        <translation>Enregistré, mais aucune sauvegarde n&apos;a pu être faite&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>GoodwillPanel</name>
    <message>
        <source>Goodwill</source>
        <translation>Geste commercial</translation>
    </message>
    <message>
        <source>Dispute category (F3)</source>
        <translation>Motif du litige (F3)</translation>
    </message>
    <message>
        <source>Disputed amount (F4)</source>
        <translation>Montant contesté (F4)</translation>
    </message>
    <message>
        <source>In the customer&apos;s own words…</source>
        <translation>Avec les mots du client…</translation>
    </message>
    <message>
        <source>The customer&apos;s own words</source>
        <translation>Les mots du client</translation>
    </message>
    <message>
        <source>Dispute (F3)</source>
        <translation>Litige (F3)</translation>
    </message>
    <message>
        <source>Amount {0} (F4)</source>
        <translation>Montant {0} (F4)</translation>
    </message>
    <message>
        <source>They said</source>
        <translation>Le client a dit</translation>
    </message>
    <message>
        <source>Options (↑↓ to choose)</source>
        <translation>Options (↑↓ pour choisir)</translation>
    </message>
    <message>
        <source>Goodwill options</source>
        <translation>Gestes possibles</translation>
    </message>
    <message>
        <source>Apply  Ctrl+⏎</source>
        <translation>Appliquer  Ctrl+⏎</translation>
    </message>
    <message>
        <source>Apply the suggestion</source>
        <translation>Appliquer la suggestion</translation>
    </message>
    <message>
        <source>Supervisor  Ctrl+⇧S</source>
        <translation>Superviseur  Ctrl+⇧S</translation>
    </message>
    <message>
        <source>Ask a supervisor</source>
        <translation>Demander à un superviseur</translation>
    </message>
    <message>
        <source>needs approval: {0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>within your discretion</source>
        <translation>dans votre marge de décision</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>«&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>why: {0}</source>
        <translation>pourquoi&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Ask approval  Ctrl+⏎</source>
        <translation>Faire valider  Ctrl+⏎</translation>
    </message>
    <message>
        <source>decided: nothing more to ask</source>
        <translation>décidé&#xa0;: plus rien à demander</translation>
    </message>
    <message>
        <source>Already recorded. Change the dispute to record another.</source>
        <translation>Déjà enregistré. Modifiez le litige pour en enregistrer un autre.</translation>
    </message>
    <message>
        <source>Already recorded: no approval needed.</source>
        <translation>Déjà enregistré&#xa0;: aucun accord nécessaire.</translation>
    </message>
    <message>
        <source>Recorded as PENDING: {what}. {why}. Ctrl+Shift+S for a supervisor now, or it waits in the queue (F9).</source>
        <translation>EN ATTENTE&#xa0;: {what}. {why}. Ctrl+Maj+S&#xa0;: superviseur maintenant, sinon file d&apos;attente (F9).</translation>
    </message>
    <message>
        <source>✓ Recorded: {what} (ref {ref}).</source>
        <translation>✓ Enregistré&#xa0;: {what} (réf. {ref}).</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>ACCORDÉ</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>REFUSÉ</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>un superviseur</translation>
    </message>
    <message>
        <source>{word} by {who} at {when}: {what} (ref {ref}).</source>
        <translation>{word} par {who} à {when}&#xa0;: {what} (réf. {ref}).</translation>
    </message>
    <message>
        <source>{word} by {who} (ref {ref}).</source>
        <translation>{word} par {who} (réf. {ref}).</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>Non enregistré&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing {0}…</source>
        <translation>Import de {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancelling: the data stays as it was…</source>
        <translation>Annulation&#xa0;: les données restent telles quelles…</translation>
    </message>
    <message>
        <source>{name}: {done} of about {total} rows · {rate} rows/s · {left}</source>
        <translation>{name}&#xa0;: {done} lignes sur environ {total} · {rate} lignes/s · {left}</translation>
    </message>
    <message>
        <source>{name}: {read} read · {imported} imported · {unchanged} unchanged · {rejected} rejected</source>
        <translation>{name}&#xa0;: {read} lues · {imported} importées · {unchanged} inchangées · {rejected} rejetées</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>avertissement&#xa0;: {0}</translation>
    </message>
    <message>
        <source>Import cancelled: the data is as it was before.</source>
        <translation>Import annulé&#xa0;: les données sont telles qu&apos;avant.</translation>
    </message>
    <message>
        <source>Nothing was imported; the data is as it was.
{0}</source>
        <translation>Rien n&apos;a été importé&#xa0;; les données sont telles qu&apos;avant.
{0}</translation>
    </message>
    <message>
        <source>{0} rows were rejected: {1}</source>
        <translation>{0} lignes ont été rejetées&#xa0;: {1}</translation>
    </message>
    <message>
        <source>Open rejects report</source>
        <translation>Ouvrir le rapport des rejets</translation>
    </message>
    <message>
        <source>{0} s left</source>
        <translation>encore {0} s</translation>
    </message>
    <message>
        <source>{0} min {1} s left</source>
        <translation>encore {0} min {1} s</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Staff id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;Code PIN</translation>
    </message>
    <message>
        <source>Sign in  ⏎</source>
        <translation>Se connecter  ⏎</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Standing · {0}</source>
        <translation>Standing · {0}</translation>
    </message>
    <message>
        <source>Sign in with your staff id and PIN.</source>
        <translation>Connectez-vous avec votre identifiant et votre code PIN.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>{0} is signed in. Type your PIN to carry on, or sign in as yourself.</source>
        <translation>La session de {0} est ouverte. Saisissez votre code PIN pour continuer, ou connectez-vous avec votre propre compte.</translation>
    </message>
    <message>
        <source>Type your staff id.</source>
        <translation>Saisissez votre identifiant.</translation>
    </message>
</context>
<context>
    <name>LookupFlow</name>
    <message>
        <source>Could not open this customer: {0}</source>
        <translation>Impossible d&apos;ouvrir ce client&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Standing — {0}</source>
        <translation>Standing — {0}</translation>
    </message>
    <message>
        <source>DEMO DATA — these customers are invented; nothing here is real.</source>
        <translation>DONNÉES DE DÉMONSTRATION — ces clients sont fictifs&#xa0;; rien ici n&apos;est réel.</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Importer un dossier d&apos;export</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Verrouiller l&apos;écran</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Supervisor &amp;queue</source>
        <translation>&amp;File d&apos;attente superviseur</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le s&amp;ystème</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Large &amp;text</source>
        <translation>&amp;Grands caractères</translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>En attente d&apos;un superviseur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Contesté</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Concessions waiting for approval</source>
        <translation>Gestes commerciaux en attente d&apos;accord</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to decide · Esc to close</source>
        <translation>↑↓ pour choisir · Entrée pour décider · Échap pour fermer</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>Rien en attente.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Card, phone, name or email…   (F2)</source>
        <translation>Carte, téléphone, nom ou e-mail…   (F2)</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Rechercher un client</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>No search yet</source>
        <translation>Aucune recherche</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Clients trouvés</translation>
    </message>
    <message>
        <source>Input refused</source>
        <translation>Saisie refusée</translation>
    </message>
    <message>
        <source>No customer matches</source>
        <translation>Aucun client trouvé</translation>
    </message>
    <message>
        <source>First {0} matches: keep typing to narrow</source>
        <translation>{0} premiers résultats&#xa0;: continuez à taper pour affiner</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <source>Spend by month</source>
        <translation>Achats par mois</translation>
    </message>
    <message>
        <source>Spend by month over the last {n} months; highest month {peak}</source>
        <translation>Achats par mois sur les {n} derniers mois&#xa0;; meilleur mois {peak}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>{0} · nobody signed in</source>
        <translation>{0} · aucune session ouverte</translation>
    </message>
    <message>
        <source>{0} · signed in: {1} ({2})</source>
        <translation>{0} · session&#xa0;: {1} ({2})</translation>
    </message>
    <message>
        <source>no data imported yet</source>
        <translation>aucune donnée importée</translation>
    </message>
    <message>
        <source>data as of {0}</source>
        <translation>données&#xa0;: {0}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ STALE: {0} (%n hours old; import a new export)</source>
        <translation>
            <numerusform>⚠ PÉRIMÉ&#xa0;: {0} (il y a %n heure&#xa0;; importez un nouvel export)</numerusform>
            <numerusform>⚠ PÉRIMÉ&#xa0;: {0} (il y a %n heures&#xa0;; importez un nouvel export)</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO DATA · </source>
        <translation>DÉMONSTRATION · </translation>
    </message>
    <message>
        <source>{0} today</source>
        <translation>aujourd&apos;hui à {0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating a demo database of {0} invented customers…</source>
        <translation>Création d&apos;une base de démonstration de {0} clients fictifs…</translation>
    </message>
    <message>
        <source>{0}: first start</source>
        <translation>{0}&#xa0;: premier démarrage</translation>
    </message>
    <message>
        <source>Creating the demo database
{0}</source>
        <translation>Création de la base de démonstration
{0}</translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}) and there is no good backup to restore. It has been left as it is: ask for help.</source>
        <translation>La base de données {path} est endommagée ({problem}) et aucune sauvegarde saine n&apos;est disponible. Elle a été laissée telle quelle&#xa0;: demandez de l&apos;aide.</translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}).

Restore the backup {backup} instead? The damaged file is kept aside.

This station&apos;s own records (goodwill, decisions, customers&apos; words, audit, staff) still readable in it: {readable}; they are carried into the backup. Records that cannot be read: {lost}.</source>
        <translation>La base de données {path} est endommagée ({problem}).

Restaurer la sauvegarde {backup} à la place&#xa0;? Le fichier endommagé est conservé à part.

Enregistrements propres à ce poste (gestes commerciaux, décisions, paroles des clients, journal d&apos;audit, personnel) encore lisibles&#xa0;: {readable}&#xa0;; ils sont repris dans la sauvegarde. Enregistrements illisibles&#xa0;: {lost}.</translation>
    </message>
    <message>
        <source>Restored from {backup}. Records carried over from the damaged file: {saved}; could not be read: {unreadable}. The damaged file is kept as {aside}.</source>
        <translation>Restauré depuis {backup}. Enregistrements repris du fichier endommagé&#xa0;: {saved}&#xa0;; illisibles&#xa0;: {unreadable}. Le fichier endommagé est conservé sous le nom {aside}.</translation>
    </message>
    <message>
        <source>Standing cannot start:
{0}</source>
        <translation>Standing ne peut pas démarrer&#xa0;:
{0}</translation>
    </message>
    <message>
        <source>Could not create the demo database:
{0}</source>
        <translation>Impossible de créer la base de démonstration&#xa0;:
{0}</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>nothing is shown: this read could not be written to the audit log ({detail})</source>
        <translation>rien n&apos;est affiché&#xa0;: cette consultation n&apos;a pas pu être inscrite au journal d&apos;audit ({detail})</translation>
    </message>
</context>
<context>
    <name>concessions</name>
    <message>
        <source>{name} asked for a supervisor&apos;s decision</source>
        <translation>{name} a demandé la décision d&apos;un superviseur</translation>
    </message>
    <message>
        <source>unknown category {category} (one of {known})</source>
        <translation>catégorie inconnue {category} (parmi {known})</translation>
    </message>
    <message>
        <source>unknown action {action} (one of {known})</source>
        <translation>action inconnue {action} (parmi {known})</translation>
    </message>
    <message>
        <source>the value and the amount must not be negative</source>
        <translation>la valeur et le montant ne peuvent pas être négatifs</translation>
    </message>
    <message>
        <source>{value} is over the highest limit anyone has ({highest}): it cannot be given at a station</source>
        <translation>{value} dépasse le plus haut plafond de tous les rôles ({highest})&#xa0;: impossible de l&apos;accorder depuis un poste</translation>
    </message>
    <message>
        <source>no recorded concession {id}</source>
        <translation>aucun geste commercial enregistré sous {id}</translation>
    </message>
    <message>
        <source>concession {id} is already {status}</source>
        <translation>le geste commercial {id} est déjà {status}</translation>
    </message>
    <message>
        <source>concession {id} was decided at another station first: {decided}</source>
        <translation>la concession {id} a déjà été décidée à un autre poste&#xa0;: {decided}</translation>
    </message>
    <message>
        <source>nobody approves their own request: {approver} must</source>
        <translation>personne ne valide sa propre demande&#xa0;: {approver} doit le faire</translation>
    </message>
    <message>
        <source>a {role} cannot decide this: {approver} must</source>
        <translation>le rôle {role} ne peut pas en décider&#xa0;: {approver} doit le faire</translation>
    </message>
    <message>
        <source>give a reason for the denial</source>
        <translation>indiquez le motif du refus</translation>
    </message>
    <message>
        <source>{value} is over your limit of {limit}: {approver} must approve</source>
        <translation>{value} dépasse votre plafond de {limit}&#xa0;: {approver} doit valider</translation>
    </message>
    <message>
        <source>unknown kind {kind} (one of {known})</source>
        <translation>type inconnu {kind} (parmi {known})</translation>
    </message>
    <message>
        <source>write down what the customer said</source>
        <translation>notez les propos de la personne</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>{0}: something went wrong</source>
        <translation>{0}&#xa0;: un problème est survenu</translation>
    </message>
    <message>
        <source>Standing hit an unexpected error. Nothing recorded before it is lost.
The details are below (select and copy them) and in {0}.</source>
        <translation>Standing a rencontré une erreur inattendue. Rien de ce qui a été enregistré avant n&apos;est perdu.
Les détails sont ci-dessous (sélectionnez-les pour les copier) et dans {0}.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>nobody is signed in</source>
        <translation>personne n&apos;est connecté</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>goodwill</name>
    <message>
        <source>unknown category {category} (one of {known})</source>
        <translation>catégorie inconnue {category} (parmi {known})</translation>
    </message>
    <message>
        <source>unknown role {role} (one of {known})</source>
        <translation>rôle inconnu {role} (parmi {known})</translation>
    </message>
    <message numerus="yes">
        <source>%n concessions to this customer in the last 90 days</source>
        <translation>
            <numerusform>%n geste commercial pour ce client ces 90 derniers jours</numerusform>
            <numerusform>%n gestes commerciaux pour ce client ces 90 derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <source>{given} of goodwill in 12 months with this one, against {spend} of spend</source>
        <translation>{given} de gestes commerciaux en 12 mois pour ce client, pour {spend} d&apos;achats</translation>
    </message>
    <message>
        <source>{value} is over your personal limit of {limit}: {approver} must approve</source>
        <translation>{value} dépasse votre plafond personnel de {limit}&#xa0;: {approver} doit valider</translation>
    </message>
    <message>
        <source>{value} is over the {role} limit of {limit}: {approver} must approve</source>
        <translation>{value} dépasse le plafond de {limit} d&apos;un {role}&#xa0;: {approver} doit valider</translation>
    </message>
    <message>
        <source>{value} is over this customer&apos;s cap of {cap}: {approver} must approve</source>
        <translation>{value} dépasse le plafond de {cap} pour ce client&#xa0;: {approver} doit valider</translation>
    </message>
    <message>
        <source>{guard}: {approver} must approve</source>
        <translation>{guard}&#xa0;: {approver} doit valider</translation>
    </message>
    <message numerus="yes">
        <source>%n concessions already this shift: {approver} must approve</source>
        <translation>
            <numerusform>%n geste commercial déjà accordé sur ce service&#xa0;: {approver} doit valider</numerusform>
            <numerusform>%n gestes commerciaux déjà accordés sur ce service&#xa0;: {approver} doit valider</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} of goodwill this shift would pass {limit}: {approver} must approve</source>
        <translation>{total} de gestes commerciaux sur ce service dépasserait {limit}&#xa0;: {approver} doit valider</translation>
    </message>
    <message>
        <source>no goodwill given before</source>
        <translation>aucun geste commercial jusqu&apos;ici</translation>
    </message>
    <message>
        <source>last goodwill {value}, today</source>
        <translation>dernier geste commercial {value}, aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>last goodwill {value}, %n days ago</source>
        <translation>
            <numerusform>dernier geste commercial {value}, il y a %n jour</numerusform>
            <numerusform>dernier geste commercial {value}, il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>a request for {value} is waiting for a supervisor</source>
        <translation>une demande de {value} attend un superviseur</translation>
    </message>
    <message>
        <source>generosity ×{scale} for tier, tenure and loyalty</source>
        <translation>générosité ×{scale} pour le niveau, l&apos;ancienneté et la fidélité</translation>
    </message>
    <message>
        <source>a customer for {tenure}</source>
        <translation>client depuis {tenure}</translation>
    </message>
    <message>
        <source>{spend} in the last 12 months</source>
        <translation>{spend} sur les 12 derniers mois</translation>
    </message>
    <message>
        <source>{value} lifetime</source>
        <translation>{value} au total</translation>
    </message>
    <message>
        <source>in their words: “{words}”</source>
        <translation>selon le client&#xa0;: «&#xa0;{words}&#xa0;»</translation>
    </message>
    <message>
        <source>capped at {cap} for this customer</source>
        <translation>plafonné à {cap} pour ce client</translation>
    </message>
    <message>
        <source>kept in proportion: at most {cap} against {amount} disputed</source>
        <translation>en proportion&#xa0;: au plus {cap} pour {amount} contestés</translation>
    </message>
    <message>
        <source>kept in proportion: at most {cap} with no sum disputed</source>
        <translation>en proportion&#xa0;: au plus {cap} sans montant contesté</translation>
    </message>
    <message>
        <source>a disputed amount of {amount} is above the most a counter settles ({most}): check the amount, or refer the dispute to a manager</source>
        <translation>un montant contesté de {amount} dépasse le maximum qu&apos;un guichet règle ({most})&#xa0;: vérifiez le montant, ou transmettez le litige à un responsable</translation>
    </message>
    <message>
        <source>the amount must be a sum such as 1.50</source>
        <translation>le montant doit être une somme comme 1,50</translation>
    </message>
    <message>
        <source>the amount must not be negative</source>
        <translation>le montant ne peut pas être négatif</translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <source>That looks like a payment card number. Standing never looks up bank cards: ask for the loyalty card or a phone number.</source>
        <translation>Cela ressemble à un numéro de carte bancaire. Standing ne recherche jamais de carte bancaire&#xa0;: demandez la carte de fidélité ou un numéro de téléphone.</translation>
    </message>
    <message>
        <source>no customer with id {id}</source>
        <translation>aucune fiche client avec l&apos;identifiant {id}</translation>
    </message>
    <message>
        <source>card …{last4}</source>
        <translation>carte …{last4}</translation>
    </message>
    <message>
        <source>card …{last4} ({status})</source>
        <translation>carte …{last4} ({status})</translation>
    </message>
    <message>
        <source>phone {digits}</source>
        <translation>tél. {digits}</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
</context>
<context>
    <name>number</name>
    <message>
        <source>one</source>
        <translation>un</translation>
    </message>
    <message>
        <source>two</source>
        <translation>deux</translation>
    </message>
    <message>
        <source>three</source>
        <translation>trois</translation>
    </message>
    <message>
        <source>four</source>
        <translation>quatre</translation>
    </message>
    <message>
        <source>five</source>
        <translation>cinq</translation>
    </message>
    <message>
        <source>six</source>
        <translation>six</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>sept</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>huit</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>neuf</translation>
    </message>
    <message>
        <source>ten</source>
        <translation>dix</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <source>clerk</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>un superviseur</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>un responsable</translation>
    </message>
    <message>
        <source>another {role}</source>
        <translation>un autre {role}</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>4–8 digits</source>
        <translation>4 à 8 chiffres</translation>
    </message>
</context>
<context>
    <name>signal</name>
    <message>
        <source>quiet regular</source>
        <translation>habitué discret</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>ambassadeur</translation>
    </message>
    <message>
        <source>lapsing</source>
        <translation>en perte de vitesse</translation>
    </message>
    <message>
        <source>frequent complainer</source>
        <translation>réclamations fréquentes</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>en progression</translation>
    </message>
    <message>
        <source>win back</source>
        <translation>à reconquérir</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <source>a PIN is 4 to 8 digits</source>
        <translation>un code PIN a 4 à 8 chiffres</translation>
    </message>
    <message>
        <source>unknown role {role} (one of {known})</source>
        <translation>rôle inconnu {role} (parmi {known})</translation>
    </message>
    <message>
        <source>that looks like a payment card number: it is never stored</source>
        <translation>cela ressemble à un numéro de carte bancaire&#xa0;: il n&apos;est jamais enregistré</translation>
    </message>
    <message>
        <source>a {role}&apos;s personal limit may be at most {limit}</source>
        <translation>pour le rôle {role}, le plafond personnel est d&apos;au plus {limit}</translation>
    </message>
    <message>
        <source>a staff id is 1 to 32 letters, digits, dots, dashes or underscores</source>
        <translation>un identifiant se compose de 1 à 32 lettres, chiffres, points, tirets ou tirets bas</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message numerus="yes">
        <source>String should have at least %n character(s)</source>
        <translation>
            <numerusform>au moins %n caractère</numerusform>
            <numerusform>au moins %n caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>String should have at most %n character(s)</source>
        <translation>
            <numerusform>au plus %n caractère</numerusform>
            <numerusform>au plus %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>staff {id} already exists</source>
        <translation>le compte {id} existe déjà</translation>
    </message>
    <message>
        <source>no staff account with that id</source>
        <translation>aucun compte ne porte cet identifiant</translation>
    </message>
    <message>
        <source>wrong PIN: 1 try left</source>
        <translation>code PIN erroné&#xa0;: encore 1 essai</translation>
    </message>
    <message numerus="yes">
        <source>wrong PIN: %n tries left</source>
        <translation>
            <numerusform>code PIN erroné&#xa0;: encore %n essai</numerusform>
            <numerusform>code PIN erroné&#xa0;: encore %n essais</numerusform>
        </translation>
    </message>
    <message>
        <source>too many wrong PINs: this account is locked for {minutes} min</source>
        <translation>trop de codes PIN erronés&#xa0;: ce compte est bloqué pendant {minutes} min</translation>
    </message>
</context>
<context>
    <name>standing</name>
    <message>
        <source>{tier}: {spend} in the last 12 months (≥ {threshold})</source>
        <translation>{tier}&#xa0;: {spend} sur les 12 derniers mois (≥ {threshold})</translation>
    </message>
    <message>
        <source>{tier}: {lifetime} lifetime value (≥ {threshold})</source>
        <translation>{tier}&#xa0;: {lifetime} de valeur client (≥ {threshold})</translation>
    </message>
    <message>
        <source>{tier}: every customer starts here</source>
        <translation>{tier}&#xa0;: le niveau de départ de chaque client</translation>
    </message>
    <message>
        <source>{amount} more in 12 months</source>
        <translation>{amount} de plus en 12 mois</translation>
    </message>
    <message>
        <source>{amount} more lifetime</source>
        <translation>{amount} de plus au total</translation>
    </message>
    <message>
        <source>{first} or {second} for {tier}</source>
        <translation>{first} ou {second} pour {tier}</translation>
    </message>
    <message>
        <source>{first} for {tier}</source>
        <translation>{first} pour {tier}</translation>
    </message>
    <message>
        <source>had not joined by then</source>
        <translation>pas encore client à cette date</translation>
    </message>
    <message numerus="yes">
        <source>%n yr</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message>
        <source>{years} {months}</source>
        <translation>{years} {months}</translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wk</source>
        <translation>
            <numerusform>%n sem.</numerusform>
            <numerusform>%n sem.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message>
        <source>joined today</source>
        <translation>client depuis aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n réclamation</numerusform>
            <numerusform>%n réclamations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visits in 12 months, {complaints}</source>
        <translation>
            <numerusform>%n visite en 12 mois, {complaints}</numerusform>
            <numerusform>%n visites en 12 mois, {complaints}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>referred %n customers</source>
        <translation>
            <numerusform>a parrainé %n client</numerusform>
            <numerusform>a parrainé %n clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaints in 12 months</source>
        <translation>
            <numerusform>%n réclamation en 12 mois</numerusform>
            <numerusform>%n réclamations en 12 mois</numerusform>
        </translation>
    </message>
    <message>
        <source>{lifetime} spent with us, but only {chance}% likely still active</source>
        <translation>{lifetime} dépensés chez nous, mais seulement {chance}&#xa0;% de chances d&apos;être encore actif</translation>
    </message>
    <message>
        <source>only {chance}% likely still active</source>
        <translation>seulement {chance}&#xa0;% de chances d&apos;être encore actif</translation>
    </message>
    <message>
        <source>expected next 12 months {spend} · one visit so far</source>
        <translation>dépense prévue sur les 12 prochains mois&#xa0;: {spend} · une seule visite jusqu&apos;ici</translation>
    </message>
    <message>
        <source>expected next 12 months {spend} · {chance}% likely active</source>
        <translation>dépense prévue sur les 12 prochains mois&#xa0;: {spend} · {chance}&#xa0;% de chances d&apos;être encore actif</translation>
    </message>
    <message>
        <source>expected to spend {spend} in the next 12 months: treated as {tier} (≥ {threshold})</source>
        <translation>devrait dépenser {spend} dans les 12 prochains mois&#xa0;: traité comme {tier} (≥ {threshold})</translation>
    </message>
    <message>
        <source>no visit for {since} days; usually every {rhythm} days</source>
        <translation>aucune visite depuis {since} jours&#xa0;; d&apos;habitude tous les {rhythm} jours</translation>
    </message>
</context>
<context>
    <name>station</name>
    <message>
        <source>other users could read {files}: now only you can (the data folder is private)</source>
        <translation>d&apos;autres utilisateurs pouvaient lire {files}&#xa0;: désormais vous seul le pouvez (le dossier de données est privé)</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdue</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>remplacée</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>the database is busy ({detail}): try again in a moment</source>
        <translation>la base de données est occupée ({detail})&#xa0;: réessayez dans un instant</translation>
    </message>
    <message>
        <source>the database cannot be written ({detail})</source>
        <translation>impossible d&apos;écrire dans la base de données ({detail})</translation>
    </message>
    <message>
        <source>nothing was written: {detail}</source>
        <translation>rien n&apos;a été enregistré&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full: free some space there, then try again (even reading the database needs a little room for SQLite&apos;s shared-memory file)</source>
        <translation>le disque qui contient {folder} est plein&#xa0;: libérez de la place, puis réessayez (même la lecture de la base a besoin d&apos;un peu de place pour le fichier de mémoire partagée de SQLite)</translation>
    </message>
</context>
<context>
    <name>tenure</name>
    <message numerus="yes">
        <source>{count} year(s)</source>
        <translation>
            <numerusform>{count} an</numerusform>
            <numerusform>{count} ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} month(s)</source>
        <translation>
            <numerusform>{count} mois</numerusform>
            <numerusform>{count} mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} week(s)</source>
        <translation>
            <numerusform>{count} semaine</numerusform>
            <numerusform>{count} semaines</numerusform>
        </translation>
    </message>
    <message>
        <source>one year</source>
        <translation>un an</translation>
    </message>
    <message>
        <source>one month</source>
        <translation>un mois</translation>
    </message>
    <message>
        <source>one week</source>
        <translation>une semaine</translation>
    </message>
    <message>
        <source>a few days</source>
        <translation>quelques jours</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Waive</source>
        <translation>Exonérer</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Bon d&apos;achat</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Surclasser</translation>
    </message>
    <message>
        <source>Apologise and escalate</source>
        <translation>S&apos;excuser et transmettre</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>réclamation</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>demande</translation>
    </message>
    <message>
        <source>compliment</source>
        <translation>compliment</translation>
    </message>
    <message>
        <source>waive</source>
        <translation>exonération</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>remboursement</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>bon d&apos;achat</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>surclassement</translation>
    </message>
    <message>
        <source>apology</source>
        <translation>excuses</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>enregistré</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>accordé</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>accordé</translation>
    </message>
</context>
</TS>
