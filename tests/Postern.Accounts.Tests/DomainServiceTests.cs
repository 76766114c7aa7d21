namespace Postern.Accounts.Tests;

public class DomainServiceTests : AccountsContext
{
    [Fact]
    public async Task DomainNamesAreNormalisedAndUnique()
    {
        var created = await Domains.CreateAsync(" Example.ORG. ", Ct);

        Assert.Equal("example.org", created.Name);
        var error = await Assert.ThrowsAsync<AccountsException>(() => Domains.CreateAsync("example.org", Ct));
        Assert.Equal("domain example.org already exists", error.Message);
        await Assert.ThrowsAsync<AccountsException>(() => Domains.CreateAsync("not a domain", Ct));
    }

    [Fact]
    public async Task DomainIsFoundByAlias()
    {
        var domain = await Domains.GetAsync("example.com", Ct);

        await Domains.AddAliasAsync(domain, "Mail.Example.com", Ct);

        Assert.Equal(domain.Id, (await Domains.GetAsync("mail.example.com", Ct)).Id);
        Assert.Equal(["mail.example.com"], await Domains.ListAliasesAsync(domain, Ct));
        await Assert.ThrowsAsync<AccountsException>(() => Domains.AddAliasAsync(domain, "mail.example.com", Ct));
        Assert.True(await Domains.RemoveAliasAsync(domain, "MAIL.example.com", Ct));
        await Assert.ThrowsAsync<UnknownNameException>(() => Domains.GetAsync("mail.example.com", Ct));
    }

    [Fact]
    public async Task DomainWithAccountsIsRemovedOnlyWhenForced()
    {
        await Domains.CreateAsync("example.org", Ct);
        await CreateAccountAsync("bob@example.org");

        var refused = await Assert.ThrowsAsync<AccountsException>(() => Domains.RemoveAsync("example.org", withAccounts: false, Ct));
        Assert.Contains("still has 1 account", refused.Message);

        await Domains.RemoveAsync("example.org", withAccounts: true, Ct);
        Assert.Null(await Domains.FindAsync("example.org", Ct));
    }

    [Fact]
    public async Task MainDomainCannotBeRemoved()
    {
        var error = await Assert.ThrowsAsync<AccountsException>(() => Domains.RemoveAsync("example.com", withAccounts: true, Ct));

        Assert.Contains("main domain", error.Message);
        Assert.Equal("example.com", await Domains.GetMainDomainNameAsync(Ct));
    }

    [Fact]
    public async Task UnknownDomainIsReportedByName()
    {
        var error = await Assert.ThrowsAsync<UnknownNameException>(() => Domains.RemoveAsync("nowhere.example", false, Ct));

        Assert.Equal("domain nowhere.example does not exist", error.Message);
    }
}
