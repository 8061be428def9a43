<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en_GB">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>{what} for {customer} ({category}), asked by {staff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs approval: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver&apos;s staff id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (needed to deny)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deny  Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approver types their own staff id and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why it is denied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Scan a card, or type a phone number, name or email.

Enter opens the top match · ↓ moves to the list · Esc clears · F2 searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show phone  Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full phone number (recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits (12 mo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spend by month,
last 24 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodwill history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>net of refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg order {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>just them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card …{0} {1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Prefers: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preferences or notes recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>In their own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What {0} said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As they said it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>{0}: first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station has no staff accounts yet. Create the first one: a manager, who can then add clerks and supervisors (standing staff add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s staff id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoodwillPanel</name>
    <message>
        <source>Goodwill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute category (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputed amount (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the customer&apos;s own words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount {0} (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options (↑↓ to choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodwill options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply  Ctrl+⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor  Ctrl+⇧S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs approval: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within your discretion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask approval  Ctrl+⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already recorded. Change the dispute to record another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already recorded: no approval needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as PENDING: {what}. {why}. Ctrl+Shift+S for a supervisor now, or it waits in the queue (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Recorded: {what} (ref {ref}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{word} by a supervisor (ref {ref}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: the data stays as it was…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summing up {0} customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {done} of about {total} rows · {rate} rows/s · {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {read} read · {imported} imported · {unchanged} unchanged · {rejected} rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: the data is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported; the data is as it was.
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows were rejected: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open rejects report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min {1} s left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Staff id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in  ⏎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your staff id and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is signed in. Type your PIN to carry on, or sign in as yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your staff id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Standing — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO DATA — these customers are invented; nothing here is real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · signed in: {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · nobody signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First {0} matches: keep typing to narrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open this customer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data imported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data as of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ STALE: {0} (%n hours old; import a new export)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO DATA · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message>
        <source>Waiting for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concessions waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to decide · Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Card, phone, name or email…   (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <source>Spend by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend by month over the last {n} months; highest month {peak}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating a demo database of {0} invented customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing an invented export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summing up {0} customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}: {rows} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the demo database
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}) and there is no good backup to restore. It has been left as it is: ask for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}).

Restore the backup {backup} instead? The damaged file is kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing cannot start:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the demo database:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>concessions</name>
    <message>
        <source>{name} asked for a supervisor&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>{0}: something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing hit an unexpected error. Nothing recorded before it is lost.
The details are below (select and copy them) and in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>goodwill</name>
    <message numerus="yes">
        <source>%n concessions to this customer in the last 90 days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{given} of goodwill in 12 months with this one, against {spend} of spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is over your personal limit of {limit}: {approver} must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is over the {role} limit of {limit}: {approver} must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is over this customer&apos;s cap of {cap}: {approver} must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{guard}: {approver} must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n concessions already this shift: {approver} must approve</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{total} of goodwill this shift would pass {limit}: {approver} must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no goodwill given before</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>last goodwill {value}, %n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>generosity ×{scale} for tier, tenure and loyalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a customer for {tenure}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{spend} in the last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in their words: “{words}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capped at {cap} for this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount must be a sum such as 1.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the amount must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <source>That looks like a payment card number. Standing never looks up bank cards: ask for the loyalty card or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card …{last4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card …{last4} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone {digits}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>number</name>
    <message>
        <source>one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>four</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>five</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>six</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another {role}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>4–8 digits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>signal</name>
    <message>
        <source>quiet regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>advocate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lapsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frequent complainer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <source>a PIN is 4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no staff account with that id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong PIN: 1 try left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>wrong PIN: %n tries left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>too many wrong PINs: this account is locked for {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>standing</name>
    <message>
        <source>{tier}: {spend} in the last 12 months (≥ {threshold})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tier}: {lifetime} lifetime value (≥ {threshold})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tier}: every customer starts here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} more in 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} more lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} or {second} for {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} for {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n yr</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{years} {months}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wk</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visits in 12 months, {complaints}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>referred %n customers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaints in 12 months</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no visit for {since} days; usually every {rhythm} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tenure</name>
    <message numerus="yes">
        <source>{count} year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} week(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>a few days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Waive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apologise and escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compliment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>granted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
