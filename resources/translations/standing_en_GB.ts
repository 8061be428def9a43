<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>{what} for {customer} ({category}), asked by {staff}</source>
        <translation>{what} for {customer} ({category}), asked by {staff}</translation>
    </message>
    <message>
        <source>last goodwill {value} on {day}</source>
        <translation>last goodwill {value} on {day}</translation>
    </message>
    <message>
        <source>no goodwill before</source>
        <translation>no goodwill before</translation>
    </message>
    <message>
        <source>{tier} · customer for {tenure} · {spend} in 12 months · {last}</source>
        <translation>{tier} · customer for {tenure} · {spend} in 12 months · {last}</translation>
    </message>
    <message>
        <source>Dispute: {category}, {amount} disputed</source>
        <translation>Dispute: {category}, {amount} disputed</translation>
    </message>
    <message>
        <source>This customer is no longer in this station&apos;s data.</source>
        <translation>This customer is no longer in this station&apos;s data.</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <source>Needs approval: {0}</source>
        <translation>Needs approval: {0}</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <source>Approver&apos;s staff id</source>
        <translation>Approver&apos;s staff id</translation>
    </message>
    <message>
        <source>Approver&apos;s PIN</source>
        <translation>Approver&apos;s PIN</translation>
    </message>
    <message>
        <source>Reason (needed to deny)</source>
        <translation>Reason (needed to deny)</translation>
    </message>
    <message>
        <source>Approver &amp;id</source>
        <translation>Approver &amp;id</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Approve  ⏎</source>
        <translation>Approve  ⏎</translation>
    </message>
    <message>
        <source>Deny  Ctrl+D</source>
        <translation>Deny  Ctrl+D</translation>
    </message>
    <message>
        <source>The approver types their own staff id and PIN.</source>
        <translation>The approver types their own staff id and PIN.</translation>
    </message>
    <message>
        <source>Say why it is denied.</source>
        <translation>Say why it is denied.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Writing an invented export…</source>
        <translation>Writing an invented export…</translation>
    </message>
    <message>
        <source>Summing up {0} customers…</source>
        <translation>Summing up {0} customers…</translation>
    </message>
    <message>
        <source>Working out what customers are likely to spend…</source>
        <translation>Working out what customers are likely to spend…</translation>
    </message>
    <message>
        <source>Importing {name}: {rows} rows</source>
        <translation>Importing {name}: {rows} rows</translation>
    </message>
</context>
<context>
    <name>ChainSync</name>
    <message>
        <source>NOT YET SYNCED — this station has not received the chain&apos;s data: goodwill given at other stations is not counted yet.</source>
        <translation>NOT YET SYNCED — this station has not received the chain&apos;s data: goodwill given at other stations is not counted yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n decisions made here offline had been made first elsewhere in the chain: the first decision stands (see the goodwill history)</source>
        <translation>
            <numerusform>%n decision made here offline had been made first elsewhere in the chain: the first decision stands (see the goodwill history)</numerusform>
            <numerusform>%n decisions made here offline had been made first elsewhere in the chain: the first decision stands (see the goodwill history)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions made here were refused by the chain&apos;s rules: those requests wait for a supervisor again</source>
        <translation>
            <numerusform>%n decision made here was refused by the chain&apos;s rules: that request waits for a supervisor again</numerusform>
            <numerusform>%n decisions made here were refused by the chain&apos;s rules: those requests wait for a supervisor again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>offline since {0} — %n records waiting</source>
        <translation>
            <numerusform>offline since {0} — %n record waiting</numerusform>
            <numerusform>offline since {0} — %n records waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>synced {0} ago</source>
        <translation>synced {0} ago</translation>
    </message>
    <message>
        <source>Offline: goodwill at other stations is counted as of the last sync ({0}).</source>
        <translation>Offline: goodwill at other stations is counted as of the last sync ({0}).</translation>
    </message>
    <message>
        <source>Offline: goodwill at other stations is not counted (never synced).</source>
        <translation>Offline: goodwill at other stations is not counted (never synced).</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} h</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <source>Scan a card, or type a phone number, name or email.

Enter opens the top match · ↓ moves to the list · Esc clears · F2 searches</source>
        <translation>Scan a card, or type a phone number, name or email.

Enter opens the top match · ↓ moves to the list · Esc clears · F2 searches</translation>
    </message>
    <message>
        <source>Show phone  Ctrl+R</source>
        <translation>Show phone  Ctrl+R</translation>
    </message>
    <message>
        <source>Show the full phone number (recorded)</source>
        <translation>Show the full phone number (recorded)</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Lifetime value</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>Visits (12 mo)</source>
        <translation>Visits (12 mo)</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>What this customer is likely to spend with us over the next 12 months, and how likely they are to be still buying from us. Both are worked out from how often and how recently they have bought and what they usually spend, by a model fitted to every customer&apos;s purchases at the last import. A forecast, not a promise.</source>
        <translation>What this customer is likely to spend with us over the next 12 months, and how likely they are to be still buying from us. Both are worked out from how often and how recently they have bought and what they usually spend, by a model fitted to every customer&apos;s purchases at the last import. A forecast, not a promise.</translation>
    </message>
    <message>
        <source>spend by month,
last 24 months</source>
        <translation>spend by month,
last 24 months</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>What they said</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Customer history</source>
        <translation>Customer history</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Goodwill history</source>
        <translation>Goodwill history</translation>
    </message>
    <message>
        <source>Tier: {0}</source>
        <translation>Tier: {0}</translation>
    </message>
    <message>
        <source>matched on {0}</source>
        <translation>matched on {0}</translation>
    </message>
    <message>
        <source>net of refunds</source>
        <translation>net of refunds</translation>
    </message>
    <message>
        <source>avg order {0}</source>
        <translation>avg order {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n members</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>just them</source>
        <translation>just them</translation>
    </message>
    <message>
        <source>customer since {0}</source>
        <translation>customer since {0}</translation>
    </message>
    <message>
        <source>card …{0} {1} {2}</source>
        <translation>card …{0} {1} {2}</translation>
    </message>
    <message>
        <source>no card</source>
        <translation>no card</translation>
    </message>
    <message>
        <source>phone {0}</source>
        <translation>phone {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n days ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Prefers: {0}</source>
        <translation>Prefers: {0}</translation>
    </message>
    <message>
        <source>Notes: {0}</source>
        <translation>Notes: {0}</translation>
    </message>
    <message>
        <source>No preferences or notes recorded.</source>
        <translation>No preferences or notes recorded.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>In their own words</source>
        <translation>In their own words</translation>
    </message>
    <message>
        <source>What {0} said</source>
        <translation>What {0} said</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Their words</source>
        <translation>Their words</translation>
    </message>
    <message>
        <source>As they said it…</source>
        <translation>As they said it…</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Words</translation>
    </message>
</context>
<context>
    <name>FirstManagerDialog</name>
    <message>
        <source>{0}: first start</source>
        <translation>{0}: first start</translation>
    </message>
    <message>
        <source>This station has no staff accounts yet. Create the first one: a manager, who can then add clerks and supervisors (standing staff add).</source>
        <translation>This station has no staff accounts yet. Create the first one: a manager, who can then add clerks and supervisors (standing staff add).</translation>
    </message>
    <message>
        <source>Manager&apos;s staff id</source>
        <translation>Manager&apos;s staff id</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Manager&apos;s name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation>Staff &amp;id</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>PIN &amp;again</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Create manager</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>The two PINs differ: type them again.</translation>
    </message>
</context>
<context>
    <name>GoodwillFlow</name>
    <message>
        <source>Recorded, but no backup could be made: {0}</source>
        <translation>Recorded, but no backup could be made: {0}</translation>
    </message>
</context>
<context>
    <name>GoodwillPanel</name>
    <message>
        <source>Goodwill</source>
        <translation>Goodwill</translation>
    </message>
    <message>
        <source>Dispute category (F3)</source>
        <translation>Dispute category (F3)</translation>
    </message>
    <message>
        <source>Disputed amount (F4)</source>
        <translation>Disputed amount (F4)</translation>
    </message>
    <message>
        <source>In the customer&apos;s own words…</source>
        <translation>In the customer&apos;s own words…</translation>
    </message>
    <message>
        <source>The customer&apos;s own words</source>
        <translation>The customer&apos;s own words</translation>
    </message>
    <message>
        <source>Dispute (F3)</source>
        <translation>Dispute (F3)</translation>
    </message>
    <message>
        <source>Amount {0} (F4)</source>
        <translation>Amount {0} (F4)</translation>
    </message>
    <message>
        <source>They said</source>
        <translation>They said</translation>
    </message>
    <message>
        <source>Options (↑↓ to choose)</source>
        <translation>Options (↑↓ to choose)</translation>
    </message>
    <message>
        <source>Goodwill options</source>
        <translation>Goodwill options</translation>
    </message>
    <message>
        <source>Apply  Ctrl+⏎</source>
        <translation>Apply  Ctrl+⏎</translation>
    </message>
    <message>
        <source>Apply the suggestion</source>
        <translation>Apply the suggestion</translation>
    </message>
    <message>
        <source>Supervisor  Ctrl+⇧S</source>
        <translation>Supervisor  Ctrl+⇧S</translation>
    </message>
    <message>
        <source>Ask a supervisor</source>
        <translation>Ask a supervisor</translation>
    </message>
    <message>
        <source>needs approval: {0}</source>
        <translation>needs approval: {0}</translation>
    </message>
    <message>
        <source>within your discretion</source>
        <translation>within your discretion</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <source>why: {0}</source>
        <translation>why: {0}</translation>
    </message>
    <message>
        <source>Ask approval  Ctrl+⏎</source>
        <translation>Ask approval  Ctrl+⏎</translation>
    </message>
    <message>
        <source>decided: nothing more to ask</source>
        <translation>decided: nothing more to ask</translation>
    </message>
    <message>
        <source>Already recorded. Change the dispute to record another.</source>
        <translation>Already recorded. Change the dispute to record another.</translation>
    </message>
    <message>
        <source>Already recorded: no approval needed.</source>
        <translation>Already recorded: no approval needed.</translation>
    </message>
    <message>
        <source>Recorded as PENDING: {what}. {why}. Ctrl+Shift+S for a supervisor now, or it waits in the queue (F9).</source>
        <translation>Recorded as PENDING: {what}. {why}. Ctrl+Shift+S for a supervisor now, or it waits in the queue (F9).</translation>
    </message>
    <message>
        <source>✓ Recorded: {what} (ref {ref}).</source>
        <translation>✓ Recorded: {what} (ref {ref}).</translation>
    </message>
    <message>
        <source>APPROVED</source>
        <translation>APPROVED</translation>
    </message>
    <message>
        <source>DENIED</source>
        <translation>DENIED</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>a supervisor</translation>
    </message>
    <message>
        <source>{word} by {who} at {when}: {what} (ref {ref}).</source>
        <translation>{word} by {who} at {when}: {what} (ref {ref}).</translation>
    </message>
    <message>
        <source>{word} by {who} (ref {ref}).</source>
        <translation>{word} by {who} (ref {ref}).</translation>
    </message>
    <message>
        <source>Not recorded: {0}</source>
        <translation>Not recorded: {0}</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancelling: the data stays as it was…</source>
        <translation>Cancelling: the data stays as it was…</translation>
    </message>
    <message>
        <source>{name}: {done} of about {total} rows · {rate} rows/s · {left}</source>
        <translation>{name}: {done} of about {total} rows · {rate} rows/s · {left}</translation>
    </message>
    <message>
        <source>{name}: {read} read · {imported} imported · {unchanged} unchanged · {rejected} rejected</source>
        <translation>{name}: {read} read · {imported} imported · {unchanged} unchanged · {rejected} rejected</translation>
    </message>
    <message>
        <source>warning: {0}</source>
        <translation>warning: {0}</translation>
    </message>
    <message>
        <source>Import cancelled: the data is as it was before.</source>
        <translation>Import cancelled: the data is as it was before.</translation>
    </message>
    <message>
        <source>Nothing was imported; the data is as it was.
{0}</source>
        <translation>Nothing was imported; the data is as it was.
{0}</translation>
    </message>
    <message>
        <source>{0} rows were rejected: {1}</source>
        <translation>{0} rows were rejected: {1}</translation>
    </message>
    <message>
        <source>Open rejects report</source>
        <translation>Open rejects report</translation>
    </message>
    <message>
        <source>{0} s left</source>
        <translation>{0} s left</translation>
    </message>
    <message>
        <source>{0} min {1} s left</source>
        <translation>{0} min {1} s left</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Staff id</source>
        <translation>Staff id</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Staff &amp;id</source>
        <translation>Staff &amp;id</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>Sign in  ⏎</source>
        <translation>Sign in  ⏎</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Standing · {0}</source>
        <translation>Standing · {0}</translation>
    </message>
    <message>
        <source>Sign in with your staff id and PIN.</source>
        <translation>Sign in with your staff id and PIN.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>{0} is signed in. Type your PIN to carry on, or sign in as yourself.</source>
        <translation>{0} is signed in. Type your PIN to carry on, or sign in as yourself.</translation>
    </message>
    <message>
        <source>Type your staff id.</source>
        <translation>Type your staff id.</translation>
    </message>
</context>
<context>
    <name>LookupFlow</name>
    <message>
        <source>Could not open this customer: {0}</source>
        <translation>Could not open this customer: {0}</translation>
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
        <translation>DEMO DATA — these customers are invented; nothing here is real.</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Standing</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Import an export folder</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Supervisor &amp;queue</source>
        <translation>Supervisor &amp;queue</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Follow the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Large &amp;text</source>
        <translation>Large &amp;text</translation>
    </message>
</context>
<context>
    <name>PendingQueue</name>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Waiting for a supervisor</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Asked by</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Concessions waiting for approval</source>
        <translation>Concessions waiting for approval</translation>
    </message>
    <message>
        <source>↑↓ to choose · Enter to decide · Esc to close</source>
        <translation>↑↓ to choose · Enter to decide · Esc to close</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting.</source>
        <translation>Nothing waiting.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Card, phone, name or email…   (F2)</source>
        <translation>Card, phone, name or email…   (F2)</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Search customers</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>No search yet</source>
        <translation>No search yet</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Matching customers</translation>
    </message>
    <message>
        <source>Input refused</source>
        <translation>Input refused</translation>
    </message>
    <message>
        <source>No customer matches</source>
        <translation>No customer matches</translation>
    </message>
    <message>
        <source>First {0} matches: keep typing to narrow</source>
        <translation>First {0} matches: keep typing to narrow</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <source>Spend by month</source>
        <translation>Spend by month</translation>
    </message>
    <message>
        <source>Spend by month over the last {n} months; highest month {peak}</source>
        <translation>Spend by month over the last {n} months; highest month {peak}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>{0} · nobody signed in</source>
        <translation>{0} · nobody signed in</translation>
    </message>
    <message>
        <source>{0} · signed in: {1} ({2})</source>
        <translation>{0} · signed in: {1} ({2})</translation>
    </message>
    <message>
        <source>no data imported yet</source>
        <translation>no data imported yet</translation>
    </message>
    <message>
        <source>data as of {0}</source>
        <translation>data as of {0}</translation>
    </message>
    <message numerus="yes">
        <source>⚠ STALE: {0} (%n hours old; import a new export)</source>
        <translation>
            <numerusform>⚠ STALE: {0} (%n hours old; import a new export)</numerusform>
            <numerusform>⚠ STALE: {0} (%n hours old; import a new export)</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO DATA · </source>
        <translation>DEMO DATA · </translation>
    </message>
    <message>
        <source>{0} today</source>
        <translation>{0} today</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Creating a demo database of {0} invented customers…</source>
        <translation>Creating a demo database of {0} invented customers…</translation>
    </message>
    <message>
        <source>{0}: first start</source>
        <translation>{0}: first start</translation>
    </message>
    <message>
        <source>Creating the demo database
{0}</source>
        <translation>Creating the demo database
{0}</translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}) and there is no good backup to restore. It has been left as it is: ask for help.</source>
        <translation>The database at {path} is damaged ({problem}) and there is no good backup to restore. It has been left as it is: ask for help.</translation>
    </message>
    <message>
        <source>The database at {path} is damaged ({problem}).

Restore the backup {backup} instead? The damaged file is kept aside.

This station&apos;s own records (goodwill, decisions, customers&apos; words, audit, staff) still readable in it: {readable}; they are carried into the backup. Records that cannot be read: {lost}.</source>
        <translation>The database at {path} is damaged ({problem}).

Restore the backup {backup} instead? The damaged file is kept aside.

This station&apos;s own records (goodwill, decisions, customers&apos; words, audit, staff) still readable in it: {readable}; they are carried into the backup. Records that cannot be read: {lost}.</translation>
    </message>
    <message>
        <source>Restored from {backup}. Records carried over from the damaged file: {saved}; could not be read: {unreadable}. The damaged file is kept as {aside}.</source>
        <translation>Restored from {backup}. Records carried over from the damaged file: {saved}; could not be read: {unreadable}. The damaged file is kept as {aside}.</translation>
    </message>
    <message>
        <source>Standing cannot start:
{0}</source>
        <translation>Standing cannot start:
{0}</translation>
    </message>
    <message>
        <source>Could not create the demo database:
{0}</source>
        <translation>Could not create the demo database:
{0}</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>nothing is shown: this read could not be written to the audit log ({detail})</source>
        <translation>nothing is shown: this read could not be written to the audit log ({detail})</translation>
    </message>
</context>
<context>
    <name>concessions</name>
    <message>
        <source>{name} asked for a supervisor&apos;s decision</source>
        <translation>{name} asked for a supervisor&apos;s decision</translation>
    </message>
    <message>
        <source>unknown category {category} (one of {known})</source>
        <translation>unknown category {category} (one of {known})</translation>
    </message>
    <message>
        <source>unknown action {action} (one of {known})</source>
        <translation>unknown action {action} (one of {known})</translation>
    </message>
    <message>
        <source>the value and the amount must not be negative</source>
        <translation>the value and the amount must not be negative</translation>
    </message>
    <message>
        <source>{value} is over the highest limit anyone has ({highest}): it cannot be given at a station</source>
        <translation>{value} is over the highest limit anyone has ({highest}): it cannot be given at a station</translation>
    </message>
    <message>
        <source>no recorded concession {id}</source>
        <translation>no recorded concession {id}</translation>
    </message>
    <message>
        <source>concession {id} is already {status}</source>
        <translation>concession {id} is already {status}</translation>
    </message>
    <message>
        <source>concession {id} was decided at another station first: {decided}</source>
        <translation>concession {id} was decided at another station first: {decided}</translation>
    </message>
    <message>
        <source>nobody approves their own request: {approver} must</source>
        <translation>nobody approves their own request: {approver} must</translation>
    </message>
    <message>
        <source>a {role} cannot decide this: {approver} must</source>
        <translation>a {role} cannot decide this: {approver} must</translation>
    </message>
    <message>
        <source>give a reason for the denial</source>
        <translation>give a reason for the denial</translation>
    </message>
    <message>
        <source>{value} is over your limit of {limit}: {approver} must approve</source>
        <translation>{value} is over your limit of {limit}: {approver} must approve</translation>
    </message>
    <message>
        <source>unknown kind {kind} (one of {known})</source>
        <translation>unknown kind {kind} (one of {known})</translation>
    </message>
    <message>
        <source>write down what the customer said</source>
        <translation>write down what the customer said</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>{0}: something went wrong</source>
        <translation>{0}: something went wrong</translation>
    </message>
    <message>
        <source>Standing hit an unexpected error. Nothing recorded before it is lost.
The details are below (select and copy them) and in {0}.</source>
        <translation>Standing hit an unexpected error. Nothing recorded before it is lost.
The details are below (select and copy them) and in {0}.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>nobody is signed in</source>
        <translation>nobody is signed in</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
</context>
<context>
    <name>goodwill</name>
    <message>
        <source>unknown category {category} (one of {known})</source>
        <translation>unknown category {category} (one of {known})</translation>
    </message>
    <message>
        <source>unknown role {role} (one of {known})</source>
        <translation>unknown role {role} (one of {known})</translation>
    </message>
    <message numerus="yes">
        <source>%n concessions to this customer in the last 90 days</source>
        <translation>
            <numerusform>%n concessions to this customer in the last 90 days</numerusform>
            <numerusform>%n concessions to this customer in the last 90 days</numerusform>
        </translation>
    </message>
    <message>
        <source>{given} of goodwill in 12 months with this one, against {spend} of spend</source>
        <translation>{given} of goodwill in 12 months with this one, against {spend} of spend</translation>
    </message>
    <message>
        <source>{value} is over your personal limit of {limit}: {approver} must approve</source>
        <translation>{value} is over your personal limit of {limit}: {approver} must approve</translation>
    </message>
    <message>
        <source>{value} is over the {role} limit of {limit}: {approver} must approve</source>
        <translation>{value} is over the {role} limit of {limit}: {approver} must approve</translation>
    </message>
    <message>
        <source>{value} is over this customer&apos;s cap of {cap}: {approver} must approve</source>
        <translation>{value} is over this customer&apos;s cap of {cap}: {approver} must approve</translation>
    </message>
    <message>
        <source>{guard}: {approver} must approve</source>
        <translation>{guard}: {approver} must approve</translation>
    </message>
    <message numerus="yes">
        <source>%n concessions already this shift: {approver} must approve</source>
        <translation>
            <numerusform>%n concessions already this shift: {approver} must approve</numerusform>
            <numerusform>%n concessions already this shift: {approver} must approve</numerusform>
        </translation>
    </message>
    <message>
        <source>{total} of goodwill this shift would pass {limit}: {approver} must approve</source>
        <translation>{total} of goodwill this shift would pass {limit}: {approver} must approve</translation>
    </message>
    <message>
        <source>no goodwill given before</source>
        <translation>no goodwill given before</translation>
    </message>
    <message>
        <source>last goodwill {value}, today</source>
        <translation>last goodwill {value}, today</translation>
    </message>
    <message numerus="yes">
        <source>last goodwill {value}, %n days ago</source>
        <translation>
            <numerusform>last goodwill {value}, %n days ago</numerusform>
            <numerusform>last goodwill {value}, %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>a request for {value} is waiting for a supervisor</source>
        <translation>a request for {value} is waiting for a supervisor</translation>
    </message>
    <message>
        <source>generosity ×{scale} for tier, tenure and loyalty</source>
        <translation>generosity ×{scale} for tier, tenure and loyalty</translation>
    </message>
    <message>
        <source>a customer for {tenure}</source>
        <translation>a customer for {tenure}</translation>
    </message>
    <message>
        <source>{spend} in the last 12 months</source>
        <translation>{spend} in the last 12 months</translation>
    </message>
    <message>
        <source>{value} lifetime</source>
        <translation>{value} lifetime</translation>
    </message>
    <message>
        <source>in their words: “{words}”</source>
        <translation>in their words: “{words}”</translation>
    </message>
    <message>
        <source>capped at {cap} for this customer</source>
        <translation>capped at {cap} for this customer</translation>
    </message>
    <message>
        <source>kept in proportion: at most {cap} against {amount} disputed</source>
        <translation>kept in proportion: at most {cap} against {amount} disputed</translation>
    </message>
    <message>
        <source>kept in proportion: at most {cap} with no sum disputed</source>
        <translation>kept in proportion: at most {cap} with no sum disputed</translation>
    </message>
    <message>
        <source>a disputed amount of {amount} is above the most a counter settles ({most}): check the amount, or refer the dispute to a manager</source>
        <translation>a disputed amount of {amount} is above the most a counter settles ({most}): check the amount, or refer the dispute to a manager</translation>
    </message>
    <message>
        <source>the amount must be a sum such as 1.50</source>
        <translation>the amount must be a sum such as 1.50</translation>
    </message>
    <message>
        <source>the amount must not be negative</source>
        <translation>the amount must not be negative</translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <source>That looks like a payment card number. Standing never looks up bank cards: ask for the loyalty card or a phone number.</source>
        <translation>That looks like a payment card number. Standing never looks up bank cards: ask for the loyalty card or a phone number.</translation>
    </message>
    <message>
        <source>no customer with id {id}</source>
        <translation>no customer with id {id}</translation>
    </message>
    <message>
        <source>card …{last4}</source>
        <translation>card …{last4}</translation>
    </message>
    <message>
        <source>card …{last4} ({status})</source>
        <translation>card …{last4} ({status})</translation>
    </message>
    <message>
        <source>phone {digits}</source>
        <translation>phone {digits}</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
</context>
<context>
    <name>number</name>
    <message>
        <source>one</source>
        <translation>one</translation>
    </message>
    <message>
        <source>two</source>
        <translation>two</translation>
    </message>
    <message>
        <source>three</source>
        <translation>three</translation>
    </message>
    <message>
        <source>four</source>
        <translation>four</translation>
    </message>
    <message>
        <source>five</source>
        <translation>five</translation>
    </message>
    <message>
        <source>six</source>
        <translation>six</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>seven</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>eight</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>nine</translation>
    </message>
    <message>
        <source>ten</source>
        <translation>ten</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>a supervisor</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>a manager</translation>
    </message>
    <message>
        <source>another {role}</source>
        <translation>another {role}</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>4–8 digits</source>
        <translation>4–8 digits</translation>
    </message>
</context>
<context>
    <name>signal</name>
    <message>
        <source>quiet regular</source>
        <translation>quiet regular</translation>
    </message>
    <message>
        <source>advocate</source>
        <translation>advocate</translation>
    </message>
    <message>
        <source>lapsing</source>
        <translation>lapsing</translation>
    </message>
    <message>
        <source>frequent complainer</source>
        <translation>frequent complainer</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>rising</translation>
    </message>
    <message>
        <source>win back</source>
        <translation>win back</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <source>a PIN is 4 to 8 digits</source>
        <translation>a PIN is 4 to 8 digits</translation>
    </message>
    <message>
        <source>unknown role {role} (one of {known})</source>
        <translation>unknown role {role} (one of {known})</translation>
    </message>
    <message>
        <source>that looks like a payment card number: it is never stored</source>
        <translation>that looks like a payment card number: it is never stored</translation>
    </message>
    <message>
        <source>a {role}&apos;s personal limit may be at most {limit}</source>
        <translation>a {role}&apos;s personal limit may be at most {limit}</translation>
    </message>
    <message>
        <source>a staff id is 1 to 32 letters, digits, dots, dashes or underscores</source>
        <translation>a staff id is 1 to 32 letters, digits, dots, dashes or underscores</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message numerus="yes">
        <source>String should have at least %n character(s)</source>
        <translation>
            <numerusform>String should have at least %n character</numerusform>
            <numerusform>String should have at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>String should have at most %n character(s)</source>
        <translation>
            <numerusform>String should have at most %n character</numerusform>
            <numerusform>String should have at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>staff {id} already exists</source>
        <translation>staff {id} already exists</translation>
    </message>
    <message>
        <source>no staff account with that id</source>
        <translation>no staff account with that id</translation>
    </message>
    <message>
        <source>wrong PIN: 1 try left</source>
        <translation>wrong PIN: 1 try left</translation>
    </message>
    <message numerus="yes">
        <source>wrong PIN: %n tries left</source>
        <translation>
            <numerusform>wrong PIN: %n tries left</numerusform>
            <numerusform>wrong PIN: %n tries left</numerusform>
        </translation>
    </message>
    <message>
        <source>too many wrong PINs: this account is locked for {minutes} min</source>
        <translation>too many wrong PINs: this account is locked for {minutes} min</translation>
    </message>
</context>
<context>
    <name>standing</name>
    <message>
        <source>{tier}: {spend} in the last 12 months (≥ {threshold})</source>
        <translation>{tier}: {spend} in the last 12 months (≥ {threshold})</translation>
    </message>
    <message>
        <source>{tier}: {lifetime} lifetime value (≥ {threshold})</source>
        <translation>{tier}: {lifetime} lifetime value (≥ {threshold})</translation>
    </message>
    <message>
        <source>{tier}: every customer starts here</source>
        <translation>{tier}: every customer starts here</translation>
    </message>
    <message>
        <source>{amount} more in 12 months</source>
        <translation>{amount} more in 12 months</translation>
    </message>
    <message>
        <source>{amount} more lifetime</source>
        <translation>{amount} more lifetime</translation>
    </message>
    <message>
        <source>{first} or {second} for {tier}</source>
        <translation>{first} or {second} for {tier}</translation>
    </message>
    <message>
        <source>{first} for {tier}</source>
        <translation>{first} for {tier}</translation>
    </message>
    <message>
        <source>had not joined by then</source>
        <translation>had not joined by then</translation>
    </message>
    <message numerus="yes">
        <source>%n yr</source>
        <translation>
            <numerusform>%n yr</numerusform>
            <numerusform>%n yr</numerusform>
        </translation>
    </message>
    <message>
        <source>{years} {months}</source>
        <translation>{years} {months}</translation>
    </message>
    <message numerus="yes">
        <source>%n mo</source>
        <translation>
            <numerusform>%n mo</numerusform>
            <numerusform>%n mo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wk</source>
        <translation>
            <numerusform>%n wk</numerusform>
            <numerusform>%n wk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message>
        <source>joined today</source>
        <translation>joined today</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visits in 12 months, {complaints}</source>
        <translation>
            <numerusform>%n visits in 12 months, {complaints}</numerusform>
            <numerusform>%n visits in 12 months, {complaints}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>referred %n customers</source>
        <translation>
            <numerusform>referred %n customers</numerusform>
            <numerusform>referred %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaints in 12 months</source>
        <translation>
            <numerusform>%n complaints in 12 months</numerusform>
            <numerusform>%n complaints in 12 months</numerusform>
        </translation>
    </message>
    <message>
        <source>{lifetime} spent with us, but only {chance}% likely still active</source>
        <translation>{lifetime} spent with us, but only {chance}% likely still active</translation>
    </message>
    <message>
        <source>only {chance}% likely still active</source>
        <translation>only {chance}% likely still active</translation>
    </message>
    <message>
        <source>expected next 12 months {spend} · one visit so far</source>
        <translation>expected next 12 months {spend} · one visit so far</translation>
    </message>
    <message>
        <source>expected next 12 months {spend} · {chance}% likely active</source>
        <translation>expected next 12 months {spend} · {chance}% likely active</translation>
    </message>
    <message>
        <source>expected to spend {spend} in the next 12 months: treated as {tier} (≥ {threshold})</source>
        <translation>expected to spend {spend} in the next 12 months: treated as {tier} (≥ {threshold})</translation>
    </message>
    <message>
        <source>no visit for {since} days; usually every {rhythm} days</source>
        <translation>no visit for {since} days; usually every {rhythm} days</translation>
    </message>
</context>
<context>
    <name>station</name>
    <message>
        <source>other users could read {files}: now only you can (the data folder is private)</source>
        <translation>other users could read {files}: now only you can (the data folder is private)</translation>
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
        <translation>lost</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>the database is busy ({detail}): try again in a moment</source>
        <translation>the database is busy ({detail}): try again in a moment</translation>
    </message>
    <message>
        <source>the database cannot be written ({detail})</source>
        <translation>the database cannot be written ({detail})</translation>
    </message>
    <message>
        <source>nothing was written: {detail}</source>
        <translation>nothing was written: {detail}</translation>
    </message>
    <message>
        <source>the disk holding {folder} is full: free some space there, then try again (even reading the database needs a little room for SQLite&apos;s shared-memory file)</source>
        <translation>the disk holding {folder} is full: free some space there, then try again (even reading the database needs a little room for SQLite&apos;s shared-memory file)</translation>
    </message>
</context>
<context>
    <name>tenure</name>
    <message numerus="yes">
        <source>{count} year(s)</source>
        <translation>
            <numerusform>{count} year</numerusform>
            <numerusform>{count} years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} month(s)</source>
        <translation>
            <numerusform>{count} month</numerusform>
            <numerusform>{count} months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} week(s)</source>
        <translation>
            <numerusform>{count} week</numerusform>
            <numerusform>{count} weeks</numerusform>
        </translation>
    </message>
    <message>
        <source>one year</source>
        <translation>one year</translation>
    </message>
    <message>
        <source>one month</source>
        <translation>one month</translation>
    </message>
    <message>
        <source>one week</source>
        <translation>one week</translation>
    </message>
    <message>
        <source>a few days</source>
        <translation>a few days</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message>
        <source>Waive</source>
        <translation>Waive</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Apologise and escalate</source>
        <translation>Apologise and escalate</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>complaint</translation>
    </message>
    <message>
        <source>enquiry</source>
        <translation>enquiry</translation>
    </message>
    <message>
        <source>compliment</source>
        <translation>compliment</translation>
    </message>
    <message>
        <source>waive</source>
        <translation>waive</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>refund</translation>
    </message>
    <message>
        <source>voucher</source>
        <translation>voucher</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>upgrade</translation>
    </message>
    <message>
        <source>apology</source>
        <translation>apology</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>recorded</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>granted</translation>
    </message>
</context>
</TS>
