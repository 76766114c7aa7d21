using System.Net;
using System.Security.Cryptography;
using Postern.Accounts;
using Postern.Mail;
using Postern.Server.Configuration;

namespace Postern.Server.Hosting;

/// <summary>What the first start of a data directory created.</summary>
/// <param name="GeneratedPassword">The postmaster password when it was generated (to show once), or null when configured.</param>
public sealed record FirstStartResult(string Domain, AccountName Postmaster, string? GeneratedPassword);

/// <summary>
/// Makes a fresh data directory usable with no set-up: a main domain (the configured one or the
/// machine's host name) and a <c>postmaster</c> account in it.
/// </summary>
public static class FirstStart
{
    public const string PostmasterName = "postmaster";

    // No 0/O, 1/l/I: a password read off a terminal once should survive being typed.
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // 16 characters of a 57-letter alphabet: about 93 bits.
    private const int GeneratedPasswordLength = 16;

    /// <summary>Creates the main domain and the postmaster unless a main domain exists already.</summary>
    /// <returns>What was created, or null when the data directory was set up before.</returns>
    public static async Task<FirstStartResult?> EnsureAsync(
        DomainService domains, AccountService accounts, AccountProvisioning provisioning, ServerOptions options, CancellationToken cancellationToken)
    {
        if (await domains.GetMainDomainNameAsync(cancellationToken) is not null)
            return null;

        var domainName = ChooseDomainName(options.Domain);
        var domain = await domains.FindAsync(domainName, cancellationToken) ?? await domains.CreateAsync(domainName, cancellationToken);
        await domains.SetMainDomainAsync(domain.Name, cancellationToken);

        var postmaster = new AccountName(PostmasterName, domain.Name);
        if (await accounts.FindAsync(postmaster, cancellationToken) is not null)
            return new FirstStartResult(domain.Name, postmaster, null);
        var generated = options.PostmasterPassword is null ? RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength) : null;
        await provisioning.CreateAccountAsync(postmaster, options.PostmasterPassword ?? generated!, "Postmaster", cancellationToken);
        return new FirstStartResult(domain.Name, postmaster, generated);
    }

    /// <summary>The configured domain (which must be valid), else the host name when it is a valid domain name, else <c>localhost</c>.</summary>
    /// <exception cref="AccountsException">The configured domain is not a domain name.</exception>
    private static string ChooseDomainName(string? configured)
    {
        if (configured is not null)
            return DomainName.Normalize(configured);
        return DomainName.TryNormalize(Dns.GetHostName(), out var hostName, out _) ? hostName : "localhost";
    }
}
