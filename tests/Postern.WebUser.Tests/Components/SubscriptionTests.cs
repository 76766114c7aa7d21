using Postern.Data;
using Postern.WebUser.Components;

namespace Postern.WebUser.Tests.Components;

public class SubscriptionTests : ComponentTestBase
{
    [Fact]
    public async Task TheDatasetHasTheSubscriptionListAndTheAliases()
    {
        var context = await Web.RunAsync(new Subscription(), Session);

        Assert.Equal(["aliases", "subscription"], WebUserTestContext.KeysOf(context.Dataset));
        Assert.Equal(["Drafts", "INBOX", "Sent", "Trash"], ((DataArray)context.Dataset["subscription"]).Select(v => v.AsString).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenAnswersOnlyTheJump()
    {
        var context = await Web.RunAsync(new Subscription(), Session, ("Open", "1"), ("MailboxName", "inbox/Lists"));

        Assert.Equal(["jump"], WebUserTestContext.KeysOf(context.Dataset));
        Assert.Equal("INBOX/Lists", context.Dataset["jump"].AsString);
    }

    [Fact]
    public async Task UpdateSetsTheSubscriptionListAndTheAliases()
    {
        await Web.CreateAccountAsync("bob");

        var context = await Web.RunAsync(new Subscription(), Session,
            ("Update", "1"), ("Elem", "INBOX"), ("Elem", "Lists"), ("AliasName", "3"), ("a3", "BobsInbox"), ("m3", "~bob@example.com/INBOX"));

        Assert.Equal("Updated", context.Dataset["messageCode"].AsString);
        Assert.Equal(["INBOX", "Lists"], ((DataArray)context.Dataset["subscription"]).Select(v => v.AsString));
        var alias = (DataDictionary)((DataArray)context.Dataset["aliases"]).Single();
        Assert.Equal(["index", "name", "ref"], WebUserTestContext.KeysOf(alias));
        Assert.Equal("~bob@example.com/INBOX", alias["ref"].AsString);
    }

    [Fact]
    public async Task ABadAliasTargetChangesNothing()
    {
        var context = await Web.RunAsync(new Subscription(), Session, ("Update", "1"), ("Elem", "INBOX"), ("AliasName", "1"), ("a1", "X"), ("m1", "not a mailbox"));

        Assert.True(context.Dataset.ContainsKey("errorCode"));
        Assert.Equal(4, ((DataArray)context.Dataset["subscription"]).Count);
    }
}
