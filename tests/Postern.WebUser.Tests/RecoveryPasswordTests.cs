using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Postern.Accounts;
using Postern.Accounts.Security;
using Postern.Data;
using Postern.Mail.SelfService;
using Postern.Storage;

namespace Postern.WebUser.Tests;

/// <summary>The stateless <c>/RecoveryPassword.wssp</c>: reset links mailed to the recovery address, and their use.</summary>
public partial class RecoveryPasswordTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task SendMailsAOneTimeResetLinkToTheRecoveryAddressThroughLocalDelivery()
    {
        var alice = await _web.CreateAccountAsync("alice");
        var keeper = await _web.CreateAccountAsync("keeper");
        await _web.Services.Accounts.UpdateSettingsAsync(alice, SelfSignup.RecoveryAddress("keeper@" + WebUserTestContext.Domain), WebUserTestContext.Ct);

        var request = await RequestAsync("alice");

        Assert.Equal(RecoveryOutcome.Accepted, request.Outcome);
        var mail = await ReadOnlyMessageAsync(keeper);
        Assert.Contains("Subject: Password reset for alice@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("From: postmaster@example.com", mail, StringComparison.Ordinal);
        var link = LinkIn(mail);
        Assert.StartsWith("http://example.com/RecoveryPassword.wssp?code=", link, StringComparison.Ordinal);
        // Only the code's hash is stored.
        var stored = AccountService.GetSettings(await _web.Services.Accounts.GetAsync(AccountName.Parse("alice@example.com"), WebUserTestContext.Ct));
        Assert.DoesNotContain(link[(link.IndexOf('.', link.IndexOf("code=", StringComparison.Ordinal)) + 1)..], stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinkSetsTheNewPasswordOnceAndOnlyOnce()
    {
        var link = await MailedLinkAsync("bob");
        using var client = _web.CreateClient();

        var form = await client.GetStringAsync(link);
        Assert.Contains("name=\"password1\"", form, StringComparison.Ordinal);
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        var changed = await client.PostAsync("/RecoveryPassword.wssp", LoginTests.Form(("code", code), ("password1", "n3w-pw"), ("password2", "n3w-pw"), ("Set", "1")));
        var again = await client.PostAsync("/RecoveryPassword.wssp", LoginTests.Form(("code", code), ("password1", "other"), ("password2", "other"), ("Set", "1")));

        Assert.Contains("id=\"messageCode\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await _web.Services.Authenticator.VerifyPasswordAsync("bob", "n3w-pw", null, WebUserTestContext.Ct)).Succeeded);
        Assert.Contains("does not work any more", Decode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False((await _web.Services.Authenticator.VerifyPasswordAsync("bob", "other", null, WebUserTestContext.Ct)).Succeeded);
    }

    [Fact]
    public async Task DifferentPasswordsOrARefusedOneKeepTheLinkWorking()
    {
        var link = await MailedLinkAsync("carol");
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        var recovery = _web.Provider.GetRequiredService<Stateless.RecoveryPassword>();

        var differ = await ProcessAsync(recovery, ("code", code), ("password1", "a"), ("password2", "b"));
        var empty = await ProcessAsync(recovery, ("code", code), ("password1", ""), ("password2", ""));

        Assert.Equal(Stateless.RecoveryPassword.PasswordsDiffer, differ["errorCode"].AsString);
        Assert.Equal(code, differ["resetCode"].AsString);
        Assert.Equal(Stateless.RecoveryPassword.PasswordRejected, empty["errorCode"].AsString);
        Assert.NotNull(await _web.Provider.GetRequiredService<PasswordResetCodes>().FindAsync(code, WebUserTestContext.Ct));
    }

    [Fact]
    public async Task AnExpiredOrForgedCodeIsRefused()
    {
        var link = await MailedLinkAsync("dave");
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        var recovery = _web.Provider.GetRequiredService<Stateless.RecoveryPassword>();
        var forged = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var forgedPage = await ProcessAsync(recovery, ("code", forged));
        var junk = await ProcessAsync(recovery, ("code", "1.%%%"));
        _web.Clock.Advance(_web.Security.RecoveryLinkLifetime + TimeSpan.FromSeconds(1));
        var expired = await ProcessAsync(recovery, ("code", code));

        Assert.Equal(Stateless.RecoveryPassword.InvalidCode, forgedPage["errorCode"].AsString);
        Assert.Equal(Stateless.RecoveryPassword.InvalidCode, junk["errorCode"].AsString);
        Assert.Equal(Stateless.RecoveryPassword.InvalidCode, expired["errorCode"].AsString);
        Assert.False(expired.ContainsKey("resetCode"));
    }

    [Fact]
    public async Task TheAnswerIsTheSameForAnyAccountWithOrWithoutAnAddress()
    {
        await _web.CreateAccountAsync("erin");
        var withAddress = await _web.CreateAccountAsync("frank");
        await _web.Services.Accounts.UpdateSettingsAsync(withAddress, SelfSignup.RecoveryAddress("someone@elsewhere.example"), WebUserTestContext.Ct);
        using var client = _web.CreateClient();

        var pages = new List<string>();
        foreach (var name in new[] { "erin", "frank", "nobody", "nobody@nodomain.example" })
        {
            var response = await client.PostAsync("/RecoveryPassword.wssp", LoginTests.Form(("username", name), ("Send", "1")));
            pages.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(pages, page => Assert.Equal(pages[0], page));
        Assert.Contains("id=\"messageCode\"", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemoteRecoveryAddressGetsTheLinkThroughTheOutboundQueue()
    {
        var grace = await _web.CreateAccountAsync("grace");
        await _web.Services.Accounts.UpdateSettingsAsync(grace, SelfSignup.RecoveryAddress("grace@elsewhere.example"), WebUserTestContext.Ct);

        await (await RequestAsync("grace")).Mailing;

        var queued = await _web.Store.Outbound.ListAsync(WebUserTestContext.Ct);
        var entry = Assert.Single(queued);
        Assert.Equal(["grace@elsewhere.example"], entry.Recipients);
        Assert.Equal("", entry.Sender);
        Assert.Null(entry.AccountId);
    }

    [Fact]
    public async Task RequestsAreLimitedPerAddressAndMailsPerAccount()
    {
        var link = await MailedLinkAsync("heidi");
        // A second request at once is answered alike but mails nothing (the earlier link stays the one).
        await (await RequestAsync("heidi")).Mailing;
        var keeper = await _web.Services.Accounts.GetAsync(AccountName.Parse("keeper-heidi@example.com"), WebUserTestContext.Ct);
        Assert.Single(await MessagesAsync(keeper));

        for (var i = 2; i < _web.Security.MaxRecoveryRequestsPerAddressPerHour; i++)
            Assert.Equal(RecoveryOutcome.Accepted, (await RequestAsync("nobody")).Outcome);
        Assert.Equal(RecoveryOutcome.RateExceeded, (await RequestAsync("heidi")).Outcome);
        Assert.Equal(RecoveryOutcome.Accepted, (await RequestAsync("heidi", "192.0.2.99")).Outcome);
        Assert.NotNull(link);
    }

    [Fact]
    public async Task ADomainMayTurnRecoveryOff()
    {
        var domain = await _web.Services.Domains.GetAsync(WebUserTestContext.Domain, WebUserTestContext.Ct);
        await _web.Services.Domains.SetSettingsAsync(domain, new DataDictionary { [SelfSignup.RecoveryDomainSetting] = "NO" }, WebUserTestContext.Ct);
        using var client = _web.CreateClient();

        var page = await client.GetStringAsync("/RecoveryPassword.wssp");
        var request = await RequestAsync("anyone");

        Assert.Contains("cannot be recovered", Decode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"username\"", page, StringComparison.Ordinal);
        Assert.Equal(RecoveryOutcome.NotAllowed, request.Outcome);
    }

    [Fact]
    public async Task AFailedLoginLinksToRecoveryOnlyWhereTheDomainAllowsIt()
    {
        using var client = _web.CreateClient();
        var allowed = await client.PostAsync("/", LoginTests.Form(("username", "x"), ("password", "y")));
        Assert.Contains("href=\"/RecoveryPassword.wssp\"", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var domain = await _web.Services.Domains.GetAsync(WebUserTestContext.Domain, WebUserTestContext.Ct);
        await _web.Services.Domains.SetSettingsAsync(domain, new DataDictionary { [SelfSignup.RecoveryDomainSetting] = "NO" }, WebUserTestContext.Ct);
        var refused = await client.PostAsync("/", LoginTests.Form(("username", "x"), ("password", "y")));

        Assert.DoesNotContain("RecoveryPassword.wssp", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>An account <paramref name="name"/> whose recovery address is the local account keeper-<paramref name="name"/>; returns the link mailed to it.</summary>
    private async Task<string> MailedLinkAsync(string name)
    {
        var account = await _web.CreateAccountAsync(name);
        var keeper = await _web.CreateAccountAsync("keeper-" + name);
        await _web.Services.Accounts.UpdateSettingsAsync(account, SelfSignup.RecoveryAddress($"keeper-{name}@{WebUserTestContext.Domain}"), WebUserTestContext.Ct);
        await (await RequestAsync(name)).Mailing;
        return LinkIn(await ReadOnlyMessageAsync(keeper));
    }

    private Task<RecoveryRequest> RequestAsync(string name, string client = "192.0.2.10") =>
        _web.Provider.GetRequiredService<PasswordRecovery>().RequestAsync(name, null, IPAddress.Parse(client), "http://example.com/", WebUserTestContext.Ct);

    private async Task<DataDictionary> ProcessAsync(Stateless.RecoveryPassword recovery, params (string Name, string Value)[] parameters)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Host = new Microsoft.AspNetCore.Http.HostString(WebUserTestContext.Domain);
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        var context = await Stateless.StatelessContext.CreateAsync(http, _web.Services, WebUserTestContext.Parameters(parameters), WebUserTestContext.Ct);
        return await recovery.ProcessAsync(context, WebUserTestContext.Ct);
    }

    private async Task<IReadOnlyList<MessageRecord>> MessagesAsync(AccountRecord account)
    {
        var inbox = await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct);
        return await _web.Store.Messages.GetRangeAsync(inbox.Id, 1, uint.MaxValue, 10, WebUserTestContext.Ct);
    }

    private async Task<string> ReadOnlyMessageAsync(AccountRecord account)
    {
        // The mailing runs off the request's path; wait for the delivery it makes (a few milliseconds).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<MessageRecord> messages;
        while ((messages = await MessagesAsync(account)).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        var message = Assert.Single(messages);
        var inbox = await _web.Services.Mailboxes.GetAsync(account, "INBOX", WebUserTestContext.Ct);
        await using var content = await _web.Store.Messages.OpenContentAsync(inbox.Id, message.Uid, WebUserTestContext.Ct);
        using var reader = new StreamReader(content!, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static string LinkIn(string mail) => LinkPattern().Match(mail).Value;

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex(@"http://\S+RecoveryPassword\.wssp\?code=\S+")]
    private static partial Regex LinkPattern();
}
