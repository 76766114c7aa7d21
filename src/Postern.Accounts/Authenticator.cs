using Postern.Accounts.Passwords;
using Postern.Storage;

namespace Postern.Accounts;

/// <summary>Why a login attempt failed. Protocols answer every failure the same way; the reason is for the log.</summary>
public enum AuthenticationFailure
{
    None,
    UnknownAccount,
    WrongPassword,

    /// <summary>CRAM-MD5 was asked for but the account keeps no CRAM-MD5 secret (turned off, or set before it was on).</summary>
    MechanismUnavailable,
}

/// <summary>The outcome of a login attempt: the account on success.</summary>
public sealed record AuthenticationResult(AccountRecord? Account, AuthenticationFailure Failure)
{
    public bool Succeeded => Account is not null;

    internal static AuthenticationResult Fail(AuthenticationFailure failure) => new(null, failure);
}

/// <summary>Checks logins: a plain password (XIMSS login, SASL PLAIN/LOGIN, HTTP) or a CRAM-MD5 response.</summary>
public sealed class Authenticator(IStore store, AccountService accounts, PasswordHasher hasher, PasswordOptions passwordOptions)
{
    /// <summary>Checks a clear-text password. On success with an outdated hash cost, the hash is redone.</summary>
    /// <param name="loginName"><c>name@domain</c>, or a bare name resolved in <paramref name="defaultDomain"/> or the main domain.</param>
    public async Task<AuthenticationResult> VerifyPasswordAsync(string loginName, string password, string? defaultDomain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var account = await accounts.ResolveLoginNameAsync(loginName, defaultDomain, cancellationToken);
        if (account is null || password.Length > AccountLimits.MaxPasswordLength)
        {
            // As slow as a wrong password, so timing does not tell which account names exist.
            hasher.VerifyNothing(password.Length > AccountLimits.MaxPasswordLength ? "" : password);
            return AuthenticationResult.Fail(AuthenticationFailure.UnknownAccount);
        }

        var (matches, needsRehash) = hasher.Verify(password, account.Credentials.PasswordHash);
        if (!matches)
            return AuthenticationResult.Fail(AuthenticationFailure.WrongPassword);
        // Bring the stored verifiers up to the configuration: a new hash cost, a CRAM-MD5 secret
        // added when it was turned on, or dropped when it was turned off.
        if (needsRehash || passwordOptions.EnableCramMd5 != account.Credentials.CramMd5Secret is not null)
        {
            var credentials = accounts.MakeCredentials(password);
            await store.Accounts.SetCredentialsAsync(account.Id, credentials, cancellationToken);
            account = account with { Credentials = credentials };
        }
        return new AuthenticationResult(account, AuthenticationFailure.None);
    }

    /// <summary>
    /// Checks a CRAM-MD5 response (RFC 2195): <paramref name="responseHex"/> must be the hex HMAC-MD5 of
    /// <paramref name="challenge"/> keyed with the account's password.
    /// </summary>
    public async Task<AuthenticationResult> VerifyCramMd5Async(
        string loginName, ReadOnlyMemory<byte> challenge, string responseHex, string? defaultDomain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseHex);
        var account = await accounts.ResolveLoginNameAsync(loginName, defaultDomain, cancellationToken);
        if (account is null)
            return AuthenticationResult.Fail(AuthenticationFailure.UnknownAccount);
        if (!passwordOptions.EnableCramMd5 || account.Credentials.CramMd5Secret is not { Length: CramMd5.SecretSize } secret)
            return AuthenticationResult.Fail(AuthenticationFailure.MechanismUnavailable);
        return CramMd5.Verify(secret, challenge.Span, responseHex)
            ? new AuthenticationResult(account, AuthenticationFailure.None)
            : AuthenticationResult.Fail(AuthenticationFailure.WrongPassword);
    }

    /// <summary>Changes a user's own password, which the user proves by giving the old one (XIMSS passwordModify).</summary>
    /// <exception cref="AccountsException">The old password is wrong or the new one is unacceptable.</exception>
    public async Task ChangePasswordAsync(AccountRecord account, string oldPassword, string newPassword, CancellationToken cancellationToken)
    {
        var current = await store.Accounts.GetAsync(account.Id, cancellationToken)
            ?? throw new UnknownNameException($"account {account.Name} no longer exists");
        if (!hasher.Verify(oldPassword, current.Credentials.PasswordHash).Matches)
            throw new AccountsException("incorrect password");
        await accounts.SetPasswordAsync(current, newPassword, cancellationToken);
    }
}
