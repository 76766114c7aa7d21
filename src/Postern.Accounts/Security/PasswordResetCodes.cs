using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using Postern.Data;
using Postern.Storage;

namespace Postern.Accounts.Security;

/// <summary>
/// One-time codes that let the holder of an account's recovery mailbox set a new password: Postern keeps
/// only password hashes, so it cannot send the password itself (docs/webuser.md, Password recovery).
/// </summary>
/// <remarks>
/// A code is <c>&lt;account id&gt;.&lt;secret&gt;</c>, the secret 256 random bits in base64url. Only the
/// secret's SHA-256 is kept, with its expiry and issue time, in the account setting
/// <see cref="Setting"/>, so the store (and a backup of it) never holds a usable code, and a code works
/// on every node and after a restart. An account has one code at a time: a new one replaces it, and
/// using it ends it.
/// </remarks>
public sealed class PasswordResetCodes(IStore store, AccountService accounts, AccountSecurityOptions options, TimeProvider time)
{
    /// <summary>The account setting holding the current code's hash, expiry and issue time.</summary>
    public const string Setting = "PasswordResetCode";

    /// <summary>256 bits: beyond guessing, even without the per-address limit on attempts.</summary>
    private const int SecretBytes = 32;

    /// <summary>The longest code accepted: a 20-digit account id, the dot and 43 base64url characters.</summary>
    public const int MaxCodeLength = 20 + 1 + 43;

    /// <summary>
    /// A new code for the account, replacing any earlier one; null when the previous one was issued less
    /// than <see cref="AccountSecurityOptions.RecoveryMailInterval"/> ago (nothing is changed then).
    /// </summary>
    public async Task<string?> IssueAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        if (Stored(account) is { } previous && now - previous.Issued < options.RecoveryMailInterval)
            return null;
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var record = new DataDictionary
        {
            ["Hash"] = Convert.ToHexString(SHA256.HashData(secret)),
            ["Issued"] = new DataTimestamp(now),
            ["Expires"] = new DataTimestamp(now + options.RecoveryLinkLifetime),
        };
        await accounts.UpdateSettingsAsync(account, new DataDictionary { [Setting] = record }, cancellationToken);
        // RFC 4648 §5: base64url without padding, so the code needs no escaping in a URL.
        return account.Id.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(secret);
    }

    /// <summary>The account a code resets, when the code is well formed, current and unused.</summary>
    public async Task<AccountRecord?> FindAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!TryParse(code, out var accountId, out var secret))
            return null;
        var account = await store.Accounts.GetAsync(accountId, cancellationToken);
        if (account is null || Stored(account) is not { } stored || stored.Expires <= time.GetUtcNow())
            return null;
        // Fixed-time comparison: the time taken tells nothing about how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(secret), stored.Hash) ? account : null;
    }

    /// <summary>Sets the account's password with a code and uses the code up.</summary>
    /// <returns>The account, or null when the code is not valid (nothing is changed).</returns>
    /// <exception cref="AccountsException">The password is unacceptable; the code stays valid.</exception>
    public async Task<AccountRecord?> ResetPasswordAsync(string code, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newPassword);
        if (await FindAsync(code, cancellationToken) is not { } account)
            return null;
        // Checked before the code is used up, so a refused password leaves the link working.
        accounts.MakeCredentials(newPassword);
        // Used up before the password changes, so the same code cannot set it twice.
        await EndAsync(account, cancellationToken);
        await accounts.SetPasswordAsync(account, newPassword, cancellationToken);
        return account;
    }

    /// <summary>Ends the account's code, if it has one.</summary>
    public async Task EndAsync(AccountRecord account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (AccountService.GetSettings(account).ContainsKey(Setting))
            await accounts.UpdateSettingsAsync(account, new DataDictionary { [Setting] = DataNull.Value }, cancellationToken);
    }

    private static (byte[] Hash, DateTimeOffset Issued, DateTimeOffset Expires)? Stored(AccountRecord account)
    {
        // Stored data that does not read as a code (edited by hand, older format) counts as no code.
        if (AccountService.GetSettings(account).Find(Setting) is not DataDictionary record
            || record.Find("Hash")?.AsString is not { Length: SecretBytes * 2 } hex
            || record.Find("Issued") is not DataTimestamp issued
            || record.Find("Expires") is not DataTimestamp expires)
            return null;
        try
        {
            return (Convert.FromHexString(hex), new DateTimeOffset(issued.Value, TimeSpan.Zero), new DateTimeOffset(expires.Value, TimeSpan.Zero));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool TryParse(string code, out long accountId, out byte[] secret)
    {
        accountId = 0;
        secret = [];
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (code.Length > MaxCodeLength || dot <= 0
            || !long.TryParse(code.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out accountId))
            return false;
        var text = code.AsSpan(dot + 1);
        // TryDecodeFromChars throws on characters outside the alphabet rather than answering false.
        Span<byte> bytes = stackalloc byte[SecretBytes + 3];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var length) || length != SecretBytes)
            return false;
        secret = bytes[..length].ToArray();
        return true;
    }
}
