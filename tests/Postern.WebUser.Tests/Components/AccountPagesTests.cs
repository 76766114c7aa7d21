using Postern.Accounts;
using Postern.Data;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class AccountPagesTests : ComponentTestBase
{
    [Fact]
    public async Task PasswordShowsTheRecoveryAddress()
    {
        var context = await Web.RunAsync(new Password(), Session);

        Assert.Equal(["RecoverPassword"], WebUserTestContext.KeysOf(context.Dataset));
    }

    [Fact]
    public async Task ModifyPasswordWithTheOldPasswordChangesItAndTheRecoveryAddress()
    {
        var context = await Web.RunAsync(new Password(), Session,
            ("ModifyPassword", "1"), ("OldPassword", WebUserTestContext.Password), ("NewPassword1", "n3w"), ("NewPassword2", "n3w"), ("RecoverPassword", "me@elsewhere.example"));

        Assert.Equal("PasswordChanged", context.Dataset["messageCode"].AsString);
        Assert.Equal("me@elsewhere.example", context.Dataset["RecoverPassword"].AsString);
        Assert.True((await Web.Services.Authenticator.VerifyPasswordAsync("alice", "n3w", "example.com", Ct)).Succeeded);
    }

    [Theory]
    [InlineData("wrong", "n3w", "n3w", "Incorrect Password")]
    [InlineData(WebUserTestContext.Password, "n3w", "other", "Passwords Do Not Match")]
    public async Task ABadPasswordChangeGivesAnErrorAndKeepsThePassword(string old, string new1, string new2, string error)
    {
        var context = await Web.RunAsync(new Password(), Session, ("ModifyPassword", "1"), ("OldPassword", old), ("NewPassword1", new1), ("NewPassword2", new2));

        Assert.Equal(error, context.Dataset["errorCode"].AsString);
        Assert.True((await Web.Services.Authenticator.VerifyPasswordAsync("alice", WebUserTestContext.Password, "example.com", Ct)).Succeeded);
    }

    [Fact]
    public async Task PublicInfoListsEveryAttributeAndUpdatesThem()
    {
        var before = await Web.RunAsync(new PublicInfo(), Session);
        var updated = await Web.RunAsync(new PublicInfo(), Session, ("Update", "1"), ("ID", "4"), ("N4", "City"), ("V4", "Oxford"));

        var attributes = ((DataArray)before.Dataset["publicInfo"]).Cast<DataDictionary>().ToList();
        Assert.Equal(["publicInfo"], WebUserTestContext.KeysOf(before.Dataset));
        Assert.Equal(["id", "name"], WebUserTestContext.KeysOf(attributes[0]));
        Assert.Equal("Updated", updated.Dataset["messageCode"].AsString);
        var city = ((DataArray)updated.Dataset["publicInfo"]).Cast<DataDictionary>().Single(a => a["name"].AsString == "City");
        Assert.Equal(["id", "name", "value"], WebUserTestContext.KeysOf(city));
        Assert.Equal("Oxford", AccountService.GetSettings(Session.AccountRecord)["City"].AsString);
    }

    [Fact]
    public async Task PublicInfoRefusesSettingsThatAreNotPublicInfo()
    {
        var context = await Web.RunAsync(new PublicInfo(), Session, ("Update", "1"), ("ID", "1"), ("N1", "Password"), ("V1", "x"));

        Assert.Equal("Password is not a Public Info attribute", context.Dataset["errorCode"].AsString);
    }

    [Fact]
    public async Task AlertsShowsPendingAlertsAndConfirmsThem()
    {
        await Web.Services.Alerts.PostAsync(Account, "Maintenance tonight", Ct);

        var shown = await Web.RunAsync(new Alerts(), Session, ("returnURL", Session.Id.Length > 0 ? "/Session/" + Session.Id + "/Mailboxes.wssp" : ""));
        var confirmed = await Web.RunAsync(new Alerts(), Session, ("AlertTime", shown.Dataset["currentTime"].AsString!));

        Assert.Equal(["alerts", "currentTime", "returnURL"], WebUserTestContext.KeysOf(shown.Dataset));
        Assert.Equal(["text", "time"], WebUserTestContext.KeysOf(((DataArray)shown.Dataset["alerts"])[0]));
        Assert.Empty(WebUserTestContext.KeysOf(confirmed.Dataset));
        Assert.False(Session.AlertsMayBePending);
    }

    [Fact]
    public async Task AlertsIgnoresAReturnUrlOutsideTheSession()
    {
        var context = await Web.RunAsync(new Alerts(), Session, ("returnURL", "https://evil.example/"));

        Assert.False(context.Dataset.ContainsKey("returnURL"));
    }

    [Fact]
    public async Task ByeBlocksAlertsAndEndsTheSession()
    {
        var context = await Web.RunAsync(new Bye(), Session);

        Assert.Equal(["blockAlerts"], WebUserTestContext.KeysOf(context.Dataset));
        Assert.True(context.EndsSession);
    }
}
