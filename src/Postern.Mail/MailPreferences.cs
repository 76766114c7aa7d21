using Postern.Accounts.Preferences;
using Postern.Mail.Access;
using Postern.Mail.Messages;
using Postern.Storage;

namespace Postern.Mail;

/// <summary>The WebUser preferences the mail services follow, read fresh for each operation (another session may have just changed them).</summary>
public sealed class MailPreferences(IStore store, PreferencesService preferences)
{
    /// <summary>The preference naming how messages are deleted.</summary>
    public const string DeleteMethodKey = "DeleteMethod";

    /// <summary>The preference naming the mailbox deleted messages move to.</summary>
    public const string TrashBoxKey = "TrashBox";

    /// <summary>The preference naming the mailbox that keeps copies of sent messages; empty keeps none.</summary>
    public const string SentBoxKey = "SentBox";

    public async Task<DeleteMethod> GetDeleteMethodAsync(MailUser user, CancellationToken cancellationToken) =>
        DeleteMethods.Parse(await GetAsync(user, DeleteMethodKey, cancellationToken));

    public async Task<string> GetTrashBoxAsync(MailUser user, CancellationToken cancellationToken) =>
        await GetAsync(user, TrashBoxKey, cancellationToken) is { Length: > 0 } name ? name : "Trash";

    /// <summary>The mailbox for copies of sent messages, or null when the user keeps none.</summary>
    public async Task<string?> GetSentBoxAsync(MailUser user, CancellationToken cancellationToken) =>
        await GetAsync(user, SentBoxKey, cancellationToken) is { Length: > 0 } name ? name : null;

    private async Task<string?> GetAsync(MailUser user, string key, CancellationToken cancellationToken)
    {
        var account = await store.Accounts.GetAsync(user.Id, cancellationToken) ?? user.Account;
        return (await preferences.GetEffectiveAsync(account, cancellationToken)).Find(key)?.AsString?.Trim();
    }
}
