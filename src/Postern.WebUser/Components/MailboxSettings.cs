using System.Globalization;
using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;

namespace Postern.WebUser.Components;

/// <summary>WebApp, MailboxSettings: removes or renames a mailbox (with its sub-mailboxes), edits its ACL, deletes all its messages.</summary>
public sealed class MailboxSettings : WebUserComponent
{
    private static readonly IReadOnlySet<string> s_actions = Actions("Remove", "Rename", "Update", "DeleteAll");

    /// <summary>Dataset element names of the rights, with their ACL letters, in CommuniGate's order.</summary>
    private static readonly (string Element, char Letter, MailboxRights Right)[] s_rights =
    [
        ("lookup", 'l', MailboxRights.Lookup), ("select", 'r', MailboxRights.Read), ("seen", 's', MailboxRights.Seen),
        ("flags", 'w', MailboxRights.Write), ("insert", 'i', MailboxRights.Insert), ("post", 'p', MailboxRights.Post),
        ("create", 'c', MailboxRights.Create), ("delete", 'd', MailboxRights.Delete), ("admin", 'a', MailboxRights.Administer),
    ];

    public override string Name => "MailboxSettings";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var services = context.Services;
        var name = parameters["Mailbox"] ?? "";
        var user = context.User;
        var ct = context.CancellationToken;
        AccessibleMailbox? mailbox = null;
        if (!await context.TryAsync(async () => mailbox = await services.Access.GetAsync(user, name, ct)))
            return;
        name = mailbox!.Name;

        if (parameters.Has("Remove"))
        {
            // The mail services unsubscribe removed mailboxes (WebApp: they leave the subscription list).
            var removed = await context.TryAsync(() => services.Mailboxes.RemoveAsync(user, name, parameters.Has("RemoveSub"), ct));
            context.Session.InvalidateMailboxes();
            context.Session.MailboxViews.Remove(name);
            if (removed)
            {
                // WebApp: "the removed element … is added to the result data set and the code component stops".
                context.Dataset.Clear();
                context.SetYes("removed");
                return;
            }
        }
        if (parameters.Has("Rename") && parameters.TryGetNonEmpty("NewName", out var newName))
        {
            var renamed = await context.TryAsync(() => services.Mailboxes.RenameAsync(user, name, newName, parameters.Has("RenameSub"), ct));
            context.Session.InvalidateMailboxes();
            context.Session.MailboxViews.Remove(name);
            if (renamed)
            {
                context.Dataset.Clear();
                context.SetYes("renamed");
                return;
            }
        }
        if (parameters.Has("Update") && await context.TryAsync(() => UpdateAclAsync(context, name)))
            context.SetMessage("Updated");
        if (parameters.Has("DeleteAll") && await context.TryAsync(() => services.Operations.RemoveAllAsync(user, mailbox, context.Preferences.DeleteMethod, ct)))
            context.SetMessage("MessagesDeleted");

        context.Dataset["mailbox"] = name;
        IReadOnlyList<(string Grantee, MailboxRights Rights)> acl = [];
        if (!await context.TryAsync(async () => acl = await services.Mailboxes.GetAclAsync(user, name, ct)))
            return;
        var rights = new DataArray(acl.Count);
        for (var i = 0; i < acl.Count; i++)
        {
            var entry = new DataDictionary { ["ident"] = acl[i].Grantee, ["index"] = i.ToString(CultureInfo.InvariantCulture) };
            foreach (var (element, _, right) in s_rights)
            {
                if (acl[i].Rights.HasFlag(right))
                    entry[element] = "Yes";
            }
            rights.Add(entry);
        }
        context.Dataset["rights"] = rights;
    }

    /// <summary>
    /// WebApp: each <c>Acc</c> parameter nnn names an entry: <c>Znnn</c> is its identifier and the
    /// parameters <c>Knnn</c>, K a rights letter, are its rights. Together they are the new ACL.
    /// </summary>
    private static async Task UpdateAclAsync(ComponentContext context, string mailbox)
    {
        var parameters = context.Parameters;
        var wanted = new Dictionary<string, MailboxRights>(StringComparer.OrdinalIgnoreCase);
        foreach (var acc in parameters.GetAll("Acc"))
        {
            if (!int.TryParse(acc, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !parameters.TryGetNonEmpty("Z" + n, out var ident))
                continue;
            var rights = MailboxRights.None;
            foreach (var (_, letter, right) in s_rights)
            {
                if (parameters.Has(letter.ToString() + n))
                    rights |= right;
            }
            wanted[ident.Trim()] = rights;
        }
        var services = context.Services;
        var current = await services.Mailboxes.GetAclAsync(context.User, mailbox, context.CancellationToken);
        // Entries left out of the form are removed (Set with no rights); the others are set as given.
        var changes = current.Where(entry => !wanted.ContainsKey(entry.Grantee))
            .Select(entry => new MailboxAclChange(entry.Grantee, MailboxAclChangeMode.Set, MailboxRights.None))
            .Concat(wanted.Select(entry => new MailboxAclChange(entry.Key, MailboxAclChangeMode.Set, entry.Value)))
            .ToArray();
        await services.Mailboxes.UpdateAclAsync(context.User, mailbox, changes, context.CancellationToken);
    }
}
