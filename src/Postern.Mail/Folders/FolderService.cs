using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Search;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>Opens folder views (XIMSS <c>folderOpen</c>, WebUser mailbox pages).</summary>
public sealed class FolderService(IStore store, MailboxAccess access, MailboxService mailboxes, MessageSearch search)
{
    /// <summary>Opens a view of a mailbox the user may read.</summary>
    /// <param name="createClass">When set, a missing mailbox is created with this class first (XIMSS <c>mailboxClass</c>).</param>
    /// <param name="timeZone">The zone whose days the filter's date conditions mean (the user's); null is UTC.</param>
    /// <exception cref="MailException">The mailbox is unknown, cannot be created, or may not be read.</exception>
    public async Task<FolderView> OpenAsync(
        MailUser user, string mailbox, FolderViewDefinition definition, string? createClass, TimeZoneInfo? timeZone,
        CancellationToken cancellationToken)
    {
        var target = createClass is null
            ? await access.GetAsync(user, mailbox, cancellationToken)
            : await mailboxes.GetOrCreateAsync(user, mailbox, createClass, cancellationToken);
        target.Require(MailboxRights.Read, "read its messages");
        var view = new FolderView(store, access, search, user, target, definition, timeZone);
        await view.LoadAsync(cancellationToken);
        return view;
    }
}
