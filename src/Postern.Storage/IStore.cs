namespace Postern.Storage;

/// <summary>
/// A Postern store: domains, accounts, mailboxes, messages and their metadata, in one transactional
/// backend. Every provider (SQLite now, PostgreSQL later) passes the same contract test suite.
/// </summary>
/// <remarks>
/// Names are stored and matched exactly as given: the domain services normalise them (lower-case
/// account and domain names, canonical <c>INBOX</c>) before they reach the store. A store instance is
/// thread-safe and may be shared by every session of a process; other processes may use the same
/// data at the same time (the CLI beside a running server).
/// </remarks>
public interface IStore : IAsyncDisposable
{
    IDomainRepository Domains { get; }

    IAccountRepository Accounts { get; }

    IMailboxRepository Mailboxes { get; }

    IMessageRepository Messages { get; }

    IAlertRepository Alerts { get; }

    IServerSettingsRepository ServerSettings { get; }

    /// <summary>Messages waiting to be sent to other mail systems.</summary>
    IOutboundQueue Outbound { get; }

    /// <summary>The change log every writer appends to, readable by other processes.</summary>
    IChangeFeed Changes { get; }

    /// <summary>Accounts' File Storage: their files and folders, apart from mail.</summary>
    Files.IFileStore Files { get; }

    /// <summary>Housekeeping that runs outside the request path (blob compaction).</summary>
    IStoreMaintenance Maintenance { get; }
}
