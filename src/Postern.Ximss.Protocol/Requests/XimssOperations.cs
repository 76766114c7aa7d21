using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>The registry of operations Postern understands, keyed by element name.</summary>
/// <remarks>
/// Names match case-insensitively: clients disagree on case (the Java client sends <c>mailBoxList</c>,
/// docs/ximss.md §4), and no two XIMSS operations differ only in case.
/// </remarks>
public static class XimssOperations
{
    private static readonly FrozenDictionary<string, XimssOperation> s_byName = Build(
    [
        // Pre-login (CGP XMLAPI "Pre-Login Operations"; docs/ximss.md §5.1). login with a method attribute is SASL (docs/ximss.md §6).
        new("listFeatures", RequestPhase.Any, ListFeaturesRequest.Parse),
        new("starttls", RequestPhase.BeforeLogin, StartTlsRequest.Parse),
        new("login", RequestPhase.BeforeLogin, ParseLogin),
        new("authenticate", RequestPhase.BeforeLogin, reader => AuthenticateRequest.Parse(reader, AuthenticateForm.Authenticate)),
        new("auth", RequestPhase.BeforeLogin, AuthRequest.Parse),
        new("signup", RequestPhase.BeforeLogin, SignupRequest.Parse),
        new("recoverPassword", RequestPhase.BeforeLogin, RecoverPasswordRequest.Parse),
        new("noop", RequestPhase.Any, NoopRequest.Parse),
        new("bye", RequestPhase.Any, ByeRequest.Parse),

        // Session (docs/ximss.md §5.2).
        new("readTime", RequestPhase.AfterLogin, ReadTimeRequest.Parse),
        new("setSessionOption", RequestPhase.AfterLogin, SetSessionOptionRequest.Parse),
        new("setClientName", RequestPhase.AfterLogin, SetClientNameRequest.Parse),
        new("listKnownValues", RequestPhase.AfterLogin, ListKnownValuesRequest.Parse),
        new("prefsRead", RequestPhase.AfterLogin, PrefsReadRequest.Parse),
        new("prefsStore", RequestPhase.AfterLogin, PrefsStoreRequest.Parse),
        new("passwordModify", RequestPhase.AfterLogin, PasswordModifyRequest.Parse),

        // Mailboxes (docs/ximss.md §5.3).
        new("mailboxList", RequestPhase.AfterLogin, MailboxListRequest.Parse),
        new("mailboxCreate", RequestPhase.AfterLogin, MailboxCreateRequest.Parse),
        new("mailboxRename", RequestPhase.AfterLogin, MailboxRenameRequest.Parse),
        new("mailboxRemove", RequestPhase.AfterLogin, MailboxRemoveRequest.Parse),
        new("mailboxSubList", RequestPhase.AfterLogin, MailboxSubListRequest.Parse),
        new("mailboxSubUpdate", RequestPhase.AfterLogin, MailboxSubUpdateRequest.Parse),
        new("mailboxRightsGet", RequestPhase.AfterLogin, MailboxRightsGetRequest.Parse),
        new("mailboxAclList", RequestPhase.AfterLogin, MailboxAclListRequest.Parse),
        new("mailboxAclUpdate", RequestPhase.AfterLogin, MailboxAclUpdateRequest.Parse),
        new("mailboxAliasList", RequestPhase.AfterLogin, MailboxAliasListRequest.Parse),
        new("mailboxAliasUpdate", RequestPhase.AfterLogin, MailboxAliasUpdateRequest.Parse),

        // Folders (docs/ximss.md §5.4).
        new("folderOpen", RequestPhase.AfterLogin, FolderOpenRequest.Parse),
        new("folderReopen", RequestPhase.AfterLogin, FolderReopenRequest.Parse),
        new("folderClose", RequestPhase.AfterLogin, FolderCloseRequest.Parse),
        new("folderBrowse", RequestPhase.AfterLogin, FolderBrowseRequest.Parse),
        new("folderSync", RequestPhase.AfterLogin, FolderSyncRequest.Parse),
        new("folderRead", RequestPhase.AfterLogin, FolderReadRequest.Parse),
        new("folderSearch", RequestPhase.AfterLogin, FolderSearchRequest.Parse),
        new("folderExpunge", RequestPhase.AfterLogin, FolderExpungeRequest.Parse),

        // Messages (docs/ximss.md §5.5).
        new("messageMark", RequestPhase.AfterLogin, MessageMarkRequest.Parse),
        new("messageRemove", RequestPhase.AfterLogin, MessageRemoveRequest.Parse),
        new("messageCopy", RequestPhase.AfterLogin, MessageCopyRequest.Parse),
        new("messageMove", RequestPhase.AfterLogin, MessageMoveRequest.Parse),
        new("messageAppend", RequestPhase.AfterLogin, MessageAppendRequest.Parse),
        new("messageSubmit", RequestPhase.AfterLogin, MessageSubmitRequest.Parse),
        new("messageRedirect", RequestPhase.AfterLogin, MessageRedirectRequest.Parse),
        new("messageForward", RequestPhase.AfterLogin, MessageForwardRequest.Parse),
    ]);

    /// <summary>Every operation, in no particular order.</summary>
    public static IEnumerable<XimssOperation> All => s_byName.Values;

    /// <summary>Finds the operation an element name stands for, in any case.</summary>
    public static bool TryGet(string elementName, [NotNullWhen(true)] out XimssOperation? operation) =>
        s_byName.TryGetValue(elementName, out operation);

    private static XimssRequest ParseLogin(RequestElementReader reader) =>
        reader.Element.FindAttribute("method") is null
            ? LoginRequest.Parse(reader)
            : AuthenticateRequest.Parse(reader, AuthenticateForm.LoginMethod);

    private static FrozenDictionary<string, XimssOperation> Build(XimssOperation[] operations) =>
        operations.ToFrozenDictionary(operation => operation.Name, StringComparer.OrdinalIgnoreCase);
}
