using Postern.Mime.Addresses;
using Postern.Storage;

namespace Postern.Mail.Access;

/// <summary>The addresses that reach a user: its name and its aliases, in its domain and in the domain's aliases.</summary>
public sealed class UserAddresses(IStore store)
{
    /// <summary>The user's own address with its real name: the From of what it sends.</summary>
    public static MailboxAddress Primary(MailUser user) =>
        new(string.IsNullOrWhiteSpace(user.Account.RealName) ? null : user.Account.RealName, user.Name.Name, user.Name.Domain);

    /// <summary>Every address of the user, the primary one first.</summary>
    public async Task<IReadOnlyList<MailboxAddress>> GetAllAsync(MailUser user, CancellationToken cancellationToken)
    {
        var names = (await store.Accounts.ListAliasesAsync(user.Id, cancellationToken)).Prepend(user.Name.Name).ToArray();
        var domains = (await store.Domains.ListAliasesAsync(user.Account.DomainId, cancellationToken)).Prepend(user.Name.Domain).ToArray();
        var primary = Primary(user);
        return domains.SelectMany(domain => names.Select(name => new MailboxAddress(primary.Name, name, domain))).ToArray();
    }

    /// <summary>Whether <paramref name="address"/> is one of the user's; account names, like domains, ignore letter case here.</summary>
    public async Task<bool> IsOwnAsync(MailUser user, MailboxAddress address, CancellationToken cancellationToken) =>
        (await GetAllAsync(user, cancellationToken)).Any(own =>
            string.Equals(own.LocalPart, address.LocalPart, StringComparison.OrdinalIgnoreCase)
            && string.Equals(own.AsciiDomain, address.AsciiDomain, StringComparison.OrdinalIgnoreCase));
}
