using System.Globalization;

namespace Postern.Ximss.Protocol;

/// <summary>
/// One failure as XIMSS reports it: the <c>errorText</c> and <c>errorNum</c> attributes of a
/// <c>&lt;response&gt;</c> (CGP Guide, XMLAPI.html, "Protocol and Message Syntax").
/// </summary>
/// <remarks>
/// The texts that CommuniGate Pro itself sends are kept word for word, because clients compare them.
/// CGP publishes only 500 and 515; every other number is Postern's own stable table, listed in
/// docs/ximss.md §9. Numbers are grouped: 500–510 request syntax and session
/// state, 511–519 authentication and TLS, 520–539 mailboxes, folders and messages, 540–549 other
/// texts CGP clients know, 560–569 account self-service, 590 server failure, 591–599 server capacity.
/// </remarks>
public sealed record XimssError(int Number, string Text)
{
    // ── Request syntax and session state (500–510) ──────────────────────────────────────────────

    /// <summary>The request element names no known operation. CGP text and number, from the guide.</summary>
    public static XimssError UnknownCommand { get; } = new(500, "unknown command");

    /// <summary>The frame is not well-formed XML, or not UTF-8, or declares a DTD.</summary>
    public static XimssError XmlSyntax(string detail) => new(501, "XML syntax error: " + detail);

    /// <summary>A request element without the mandatory <c>id</c> attribute.</summary>
    public static XimssError MissingRequestId { get; } = new(502, "request id is missing");

    /// <summary>A required attribute is absent or empty.</summary>
    public static XimssError MissingAttribute(string name) => new(503, $"missing \"{name}\" attribute");

    /// <summary>An attribute value cannot be understood.</summary>
    public static XimssError InvalidAttribute(string name, string? detail = null) =>
        new(504, detail is null ? $"invalid \"{name}\" attribute" : $"invalid \"{name}\" attribute: {detail}");

    /// <summary>A required child element is absent.</summary>
    public static XimssError MissingElement(string name) => new(505, $"missing <{name}> element");

    /// <summary>A child element is present but cannot be understood.</summary>
    public static XimssError InvalidElement(string name, string? detail = null) =>
        new(505, detail is null ? $"invalid <{name}> element" : $"invalid <{name}> element: {detail}");

    /// <summary>A frame (or HTTP body) exceeds <see cref="XimssLimits.MaxFrameBytes"/>.</summary>
    public static XimssError FrameTooLarge { get; } = new(506, "request is too large");

    /// <summary>A frame within the byte limit that breaks another <see cref="XimssLimits"/> cap (depth, element count…).</summary>
    public static XimssError TooComplex(string detail) => new(506, "request is too large: " + detail);

    /// <summary>A session operation arrives before authentication.</summary>
    public static XimssError NotLoggedIn { get; } = new(507, "not logged in");

    /// <summary>A login operation arrives on a session that is already authenticated.</summary>
    public static XimssError AlreadyLoggedIn { get; } = new(508, "already logged in");

    /// <summary>An HTTP-binding <c>reqSeq</c> that is neither the last one nor the next. Text a client reports CGP sending.</summary>
    public static XimssError RequestSequence { get; } = new(509, "XIMSS request sequence error");

    /// <summary>A range or list asks for more items than <see cref="XimssLimits"/> allows.</summary>
    public static XimssError TooManyItems(string what) => new(510, $"too many items requested: {what}");

    // ── Authentication and TLS (511–519) ─────────────────────────────────────────────────────────

    /// <summary>A SASL mechanism Postern does not offer.</summary>
    public static XimssError UnsupportedAuthenticationMethod { get; } = new(511, "unsupported authentication method");

    /// <summary>The client cancelled a SASL exchange with <c>*</c> (RFC 4422 §3.5).</summary>
    public static XimssError AuthenticationCancelled { get; } = new(512, "authentication cancelled");

    /// <summary>A SASL response that is not base64 or not in the mechanism's format.</summary>
    public static XimssError InvalidAuthenticationData { get; } = new(513, "invalid authentication data");

    /// <summary>An <c>auth</c> request with no SASL exchange in progress under that id.</summary>
    public static XimssError NoAuthenticationInProgress { get; } = new(514, "no authentication in progress");

    /// <summary>Failed login. CGP text and number, as clients see them.</summary>
    public static XimssError IncorrectCredentials { get; } = new(515, "incorrect password or account name");

    /// <summary><c>starttls</c> on a channel that is already secure or cannot start TLS.</summary>
    public static XimssError StartTlsUnavailable { get; } = new(516, "TLS is not available on this channel");

    /// <summary><c>passwordModify</c> with a new password the account policy refuses.</summary>
    public static XimssError PasswordRejected { get; } = new(517, "new password is not acceptable");

    /// <summary>An operation this kind of channel cannot carry (a login form inside an HTTP pre-login body).</summary>
    public static XimssError OperationUnavailable { get; } = new(518, "operation is not available on this channel");

    /// <summary>Logins from the client's address are refused for a while after repeated failures.</summary>
    public static XimssError LoginLockedOut { get; } = new(519, "too many failed login attempts; try again later");

    // ── Mailboxes, folders and messages (520–539) ───────────────────────────────────────────────

    /// <summary>No mailbox of that name exists (or the user may not see it).</summary>
    public static XimssError UnknownMailbox { get; } = new(520, "unknown mailbox");

    /// <summary>Creating or renaming onto an existing mailbox.</summary>
    public static XimssError MailboxExists { get; } = new(521, "mailbox already exists");

    /// <summary><c>folderOpen</c> on a folder name already open in this session. CGP text, as clients see it.</summary>
    public static XimssError FolderAlreadyOpen { get; } = new(522, "folder has already been opened");

    /// <summary>A folder operation naming a folder that is not open. CGP text, as clients see it.</summary>
    public static XimssError FolderNotOpen { get; } = new(523, "folder has not been opened");

    /// <summary>A UID that is not in the folder.</summary>
    public static XimssError MessageNotFound { get; } = new(524, "message is not found");

    /// <summary>The mailbox ACL does not grant the right the operation needs.</summary>
    public static XimssError AccessDenied { get; } = new(525, "access denied");

    /// <summary>Removing a mailbox that has sub-mailboxes without <c>children="yes"</c>.</summary>
    public static XimssError MailboxHasChildren { get; } = new(526, "mailbox has sub-mailboxes");

    /// <summary>The account or mailbox storage quota would be exceeded.</summary>
    public static XimssError QuotaExceeded { get; } = new(527, "quota exceeded");

    /// <summary>A mailbox name that is empty, too long, or uses forbidden characters.</summary>
    public static XimssError IllegalMailboxName { get; } = new(528, "illegal mailbox name");

    /// <summary>A <c>partID</c> that does not exist in the message.</summary>
    public static XimssError PartNotFound { get; } = new(529, "message part is not found");

    /// <summary><c>messageSubmit</c>/<c>messageRedirect</c>/<c>messageForward</c> without any recipient.</summary>
    public static XimssError NoRecipients { get; } = new(530, "no recipients specified");

    /// <summary>An e-mail address that cannot be parsed.</summary>
    public static XimssError InvalidAddress(string address) => new(531, "invalid address: " + address);

    /// <summary>A message larger than the server accepts for submission or append.</summary>
    public static XimssError MessageTooLarge { get; } = new(532, "message is too large");

    /// <summary>A message whose content cannot be parsed (e.g. an unusable <c>&lt;EMail&gt;</c>).</summary>
    public static XimssError IllegalMessage { get; } = new(533, "illegal message data format");

    // ── Other CGP texts clients know (540–549); numbers are Postern's ───────────────────────────

    /// <summary>CGP text (seen by sipnet) for <c>fileRead</c> on a missing file.</summary>
    public static XimssError FileNotFound { get; } = new(540, "file is not found");

    /// <summary>CGP text (seen by sipnet) for bad vCard data.</summary>
    public static XimssError IllegalVCard { get; } = new(541, "illegal vCard data format");

    /// <summary>CGP text (seen by sipnet) for task and call operations on a missing object.</summary>
    public static XimssError AsyncObjectNotFound { get; } = new(542, "async Object not found");

    /// <summary>CGP text (seen by sipnet) for meeting operations.</summary>
    public static XimssError MeetingNotFound { get; } = new(543, "meeting not found");

    /// <summary>CGP text (seen by sipnet) for meeting operations.</summary>
    public static XimssError MeetingAlreadyActivated { get; } = new(544, "meeting is already activated");

    // ── Account self-service (560–569) ──────────────────────────────────────────────────────────

    /// <summary><c>signup</c> in a domain that does not allow self-registration.</summary>
    public static XimssError SignupNotAllowed { get; } = new(560, "self-registration is not allowed");

    /// <summary><c>signup</c> for a name that is already an account or alias.</summary>
    public static XimssError AccountExists { get; } = new(561, "account already exists");

    /// <summary><c>recoverPassword</c> in a domain that does not let its users recover passwords.</summary>
    public static XimssError RecoveryUnavailable { get; } = new(562, "password recovery is not available");

    /// <summary>Too many <c>signup</c> requests from the client's address.</summary>
    public static XimssError SignupRateExceeded { get; } = new(563, "too many sign-ups from this address; try again later");

    /// <summary>Too many <c>recoverPassword</c> requests from the client's address.</summary>
    public static XimssError RecoveryRateExceeded { get; } = new(564, "too many password recovery requests from this address; try again later");

    /// <summary>An HTTP login as a guest (<c>loginAsGuest</c>): Postern has no guest accounts.</summary>
    public static XimssError GuestLoginUnavailable { get; } = new(565, "guest logins are not allowed");

    // ── Server failure (590) ─────────────────────────────────────────────────────────────────────

    /// <summary>An infrastructure fault (store unavailable, bug); details go to the log, not the client.</summary>
    public static XimssError ServerFailure { get; } = new(590, "internal server error");

    // ── Server capacity (591–599) ───────────────────────────────────────────────────────────────

    /// <summary>The server holds as many channels or sessions as it is configured for; sent before closing a new connection.</summary>
    public static XimssError ServerBusy { get; } = new(591, "too many connections; try again later");

    /// <summary>The client's address holds as many connections as one address may.</summary>
    public static XimssError TooManyConnectionsFromAddress { get; } = new(592, "too many connections from this address; try again later");

    /// <summary>The client's address holds as many sessions as one address may.</summary>
    public static XimssError TooManySessionsFromAddress { get; } = new(593, "too many sessions from this address; try again later");

    /// <summary>The <c>errorNum</c> attribute value.</summary>
    public string NumberText => Number.ToString(CultureInfo.InvariantCulture);
}
