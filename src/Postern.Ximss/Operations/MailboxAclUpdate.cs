using Postern.Mail.Mailboxes;
using Postern.Ximss.Engine;
using Postern.Ximss.Mail;
using Postern.Ximss.Protocol.Requests;

namespace Postern.Ximss.Operations;

/// <summary>
/// <c>mailboxAclUpdate mailbox</c> with <c>&lt;aclEntry name&gt;rights&lt;/aclEntry&gt;</c> children: <c>lrs</c>
/// replaces the grantee's rights, <c>+wi</c> adds, <c>-d</c> takes away, empty removes the entry, in order
/// (docs/ximss.md §5.3). Needs the <c>a</c> right on another account's mailbox.
/// </summary>
/// <remarks>
/// Postern keeps CommuniGate's rights (RFC 2086's letters). RFC 4314 §2.1.1 split two of them: its <c>k</c>
/// is read as <c>c</c>, and its <c>x</c>, <c>t</c> and <c>e</c> as <c>d</c>.
/// </remarks>
internal sealed class MailboxAclUpdate(MailSessions sessions, MailboxService mailboxes) : MailOperationHandler<MailboxAclUpdateRequest>(sessions)
{
    protected override async Task<XimssResult> ExecuteAsync(MailboxAclUpdateRequest request, XimssRequestContext context, MailSession mail, CancellationToken cancellationToken)
    {
        var changes = request.Changes.Select(change => new MailboxAclChange(change.Identifier, change.Mode switch
        {
            AclChangeMode.Add => MailboxAclChangeMode.Add,
            AclChangeMode.Remove => MailboxAclChangeMode.Remove,
            _ => MailboxAclChangeMode.Set,
        }, Rights(change.Rights))).ToArray();
        await mailboxes.UpdateAclAsync(mail.User!, request.Mailbox, changes, cancellationToken);
        return XimssResult.Ok;
    }

    /// <summary>Rights letters, RFC 4314's folded onto RFC 2086's (the codec has checked every letter).</summary>
    private static MailboxRights Rights(string letters) =>
        MailboxRightsText.Parse(string.Concat(letters.Select(letter => char.ToLowerInvariant(letter) switch
        {
            'k' => 'c',
            'x' or 't' or 'e' => 'd',
            var other => other,
        })));
}
