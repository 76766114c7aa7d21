using Postern.Data;
using Postern.Mail.Folders;
using Postern.Mail.Messages;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Bye: removes old messages from Trash as the preferences say, and closes the session once the
/// page is rendered (so <c>bye.wssp</c> can still use session data).
/// </summary>
public sealed class Bye : WebUserComponent
{
    /// <summary>Trash messages looked at per read while finding the old ones.</summary>
    private const int Batch = 500;

    public override string Name => "Bye";

    /// <summary>Logging out changes the session: a forged link must not end it.</summary>
    public override bool IsActionOnly => true;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Dataset["blockAlerts"] = DataString.Yes;
        if (context.Preferences.EmptyTrashAfterDays is { } days)
            await context.TryAsync(() => RemoveOldTrashAsync(context, context.Services.Time.GetUtcNow() - TimeSpan.FromDays(days)));
        context.EndsSession = true;
    }

    /// <summary>Erases the Trash messages that arrived before <paramref name="cutoff"/>, reading the oldest first.</summary>
    private static async Task RemoveOldTrashAsync(ComponentContext context, DateTimeOffset cutoff)
    {
        var services = context.Services;
        var ct = context.CancellationToken;
        var view = await services.Folders.OpenAsync(context.User, context.Preferences.TrashBox,
            new FolderViewDefinition(new FolderSortOrder("INTERNALDATE", Descending: false), FolderViewFilter.None), createClass: null, timeZone: null, ct);
        var old = new List<uint>();
        for (var from = 0; from < view.Count; from += Batch)
        {
            var rows = await view.BrowseAsync(from, from + Batch - 1, [], ct);
            var before = rows.TakeWhile(r => r.Record.InternalDate < cutoff).Select(r => r.Uid).ToArray();
            old.AddRange(before);
            if (before.Length < rows.Count)
                break;
        }
        if (old.Count > 0)
            await services.Operations.RemoveAsync(context.User, view.Mailbox, old, DeleteMethod.Immediately, ct);
    }
}
