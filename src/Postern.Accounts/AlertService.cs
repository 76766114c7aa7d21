using Postern.Storage;

namespace Postern.Accounts;

/// <summary>Alerts to accounts: posted by an administrator, shown by WebUser and XIMSS until acknowledged.</summary>
public sealed class AlertService(IStore store, TimeProvider time)
{
    /// <exception cref="AccountsException">The text is empty or longer than <see cref="AccountLimits.MaxAlertLength"/>.</exception>
    public Task<AlertRecord> PostAsync(AccountRecord account, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new AccountsException("an alert must have some text");
        if (text.Length > AccountLimits.MaxAlertLength)
            throw new AccountsException($"an alert must not be longer than {AccountLimits.MaxAlertLength} characters");
        return store.Alerts.PostAsync(account.Id, text, time.GetUtcNow(), cancellationToken);
    }

    public Task<IReadOnlyList<AlertRecord>> ListPendingAsync(AccountRecord account, CancellationToken cancellationToken) =>
        store.Alerts.ListAsync(account.Id, includeAcknowledged: false, cancellationToken);

    /// <summary>Acknowledges every pending alert posted up to <paramref name="postedUpTo"/> (the time stamp the user was shown).</summary>
    public Task<int> AcknowledgeAsync(AccountRecord account, DateTimeOffset postedUpTo, CancellationToken cancellationToken) =>
        store.Alerts.AcknowledgeAsync(account.Id, postedUpTo, time.GetUtcNow(), cancellationToken);
}
