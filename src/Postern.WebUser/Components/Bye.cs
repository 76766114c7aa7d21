using Postern.Data;

namespace Postern.WebUser.Components;

/// <summary>
/// WebApp, Bye: removes old messages from Trash as the preferences say, and closes the session once the
/// page is rendered (so <c>bye.wssp</c> can still use session data).
/// </summary>
public sealed class Bye : WebUserComponent
{
    public override string Name => "Bye";

    /// <summary>Logging out changes the session: a forged link must not end it.</summary>
    public override bool IsActionOnly => true;

    public override async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Dataset["blockAlerts"] = DataString.Yes;
        if (context.Preferences.EmptyTrashAfterDays is { } days)
        {
            var cutoff = context.Services.Time.GetUtcNow() - TimeSpan.FromDays(days);
            await context.TryAsync(async () =>
            {
                if (await context.Services.Mailboxes.FindAsync(context.Account, context.Preferences.TrashBox, context.CancellationToken) is { } trash)
                    await context.Services.MessageActions.RemoveReceivedBeforeAsync(trash, cutoff, context.CancellationToken);
            });
        }
        context.EndsSession = true;
    }
}
