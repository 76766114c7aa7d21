using System.Globalization;
using Postern.Accounts;
using Postern.Data;
using Postern.Mail.Mailboxes;
using Postern.Storage;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Mailboxes (and wMailboxes): the account's mailbox list, as the Show Mailboxes preference
/// selects it (all mailboxes and aliases, the subscription list, or both), with counters; creates mailboxes.
/// </summary>
public sealed class Mailboxes : WebUserComponent
{
    /// <summary>The account setting limiting the total size of its mailboxes (bytes, or a size like <c>100M</c>).</summary>
    public const string StorageLimitSetting = "MaxAccountSize";

    private static readonly IReadOnlySet<string> s_actions = Actions("Create");

    /// <summary>The classes a new mailbox can have (WebApp: <c>mailboxClasses</c>).</summary>
    private static readonly string[] s_classes = ["IPF.Note", MailboxClass.Calendar, MailboxClass.Tasks, MailboxClass.Contacts, MailboxClass.Notes];

    public override string Name => "Mailboxes";

    public override IReadOnlySet<string> ActionParameters => s_actions;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var newName = parameters["NewName"] ?? "";
        if (parameters.Has("Create") && newName.Trim().Length > 0)
            await CreateAsync(context, newName.Trim(), parameters["newClass"]);

        var filter = parameters["Filter"] ?? "";
        var infos = await context.Services.Mailboxes.ListAsync(context.User, new MailboxListOptions("*", PureFolders: true), context.CancellationToken);
        var list = await ListAsync(context, infos, filter);
        var own = infos.Where(i => i.Mailbox is { IsOwn: true }).Select(i => i.Mailbox!.Record).ToArray();
        context.Dataset["filter"] = filter;
        context.Dataset["newName"] = newName;
        context.Dataset["mailboxClasses"] = DataArray.OfStrings(s_classes);
        context.Dataset["mailboxList"] = list;
        context.Dataset["nSelected"] = list.Count.ToString(CultureInfo.InvariantCulture);
        if (own.FirstOrDefault(b => b.Name == context.Preferences.TrashBox) is { } trash)
            context.Dataset["trashSize"] = SizeText.Round(trash.TotalSize);
        context.Dataset["currentStorage"] = SizeText.RoundUp(own.Sum(b => b.TotalSize));
        context.Dataset["storageLimit"] = StorageLimit(context.Account) is { } limit ? SizeText.RoundUp(limit) : "unlimited";
    }

    /// <summary>The page that shows mailboxes of a class: Contacts and Notes lists are mailbox pages too.</summary>
    public static string PageFor(string mailboxClass) => MailboxClass.KindOf(mailboxClass) switch
    {
        MailboxKind.Contacts => "Contacts.wssp",
        MailboxKind.Notes => "Notes.wssp",
        _ => "Mailbox.wssp",
    };

    private static async Task CreateAsync(ComponentContext context, string name, string? mailboxClass)
    {
        var created = await context.TryAsync(async () =>
        {
            var mailbox = await context.Services.Mailboxes.CreateAsync(context.User, name, mailboxClass ?? "", context.CancellationToken);
            // WebApp: "the created mailbox name is added to the list of subscribed mailboxes, if the Show
            // Subscribed Mailboxes option is selected".
            if (context.Preferences.ShowMailboxes.HasFlag(MailboxListing.Subscribed))
                await context.Services.Mailboxes.SetSubscribedAsync(context.Account, mailbox.Name, true, context.CancellationToken);
        });
        context.Session.InvalidateMailboxes();
        if (created)
            context.SetMessage("MailboxCreated");
    }

    /// <summary>
    /// The listed names: every mailbox and alias ("Show All"), the subscription list ("Show Subscribed"),
    /// or both; levels of hierarchical names that are not mailboxes are listed as non-selectable parents.
    /// </summary>
    private static async Task<DataArray> ListAsync(ComponentContext context, IReadOnlyList<MailboxInfo> infos, string filter)
    {
        var show = context.Preferences.ShowMailboxes;
        var byName = infos.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var names = new SortedSet<string>(MailboxOrder.Instance);
        if (show.HasFlag(MailboxListing.All))
            names.UnionWith(byName.Keys);
        if (show.HasFlag(MailboxListing.Subscribed))
            names.UnionWith(await context.Services.Mailboxes.ListSubscriptionsAsync(context.Account, context.CancellationToken));
        foreach (var name in names.ToArray())
        {
            for (var parent = MailboxName.Parent(name); parent is not null; parent = MailboxName.Parent(parent))
                names.Add(parent);
        }

        var list = new DataArray();
        foreach (var name in names)
        {
            if (filter.Length > 0 && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                continue;
            var entry = new DataDictionary { ["mailboxName"] = name };
            if (MailboxName.Parent(name) is { } parentName)
                entry["parent"] = parentName;
            if (byName.GetValueOrDefault(name) is { Mailbox: { } mailbox } info)
                Describe(entry, mailbox.Record, info.Statistics);
            else
                entry["nonSelectable"] = "Yes";
            list.Add(entry);
        }
        return list;
    }

    private static void Describe(DataDictionary entry, MailboxRecord box, MailboxStatistics? statistics)
    {
        entry["nMessages"] = box.MessageCount.ToString(CultureInfo.InvariantCulture);
        entry["nRecent"] = statistics is null ? "???" : statistics.Recent.ToString(CultureInfo.InvariantCulture);
        entry["numUnread"] = box.UnseenCount.ToString(CultureInfo.InvariantCulture);
        entry["size"] = SizeText.Round(box.TotalSize);
        if (box.Class.Length > 0)
            entry["mailboxClass"] = box.Class;
        entry["mailboxPage"] = PageFor(box.Class);
    }

    private static long? StorageLimit(AccountRecord account) =>
        AccountService.GetSettings(account).Find(StorageLimitSetting)?.AsString is { } text && WebUserPreferences.ParseSize(text) is { } bytes ? bytes : null;
}
