using Microsoft.Extensions.DependencyInjection;
using Postern.Mail.Changes;

namespace Postern.WebUser.Tests;

public class SessionNotificationTests : IAsyncLifetime
{
    private readonly WebUserTestContext _web = new();

    public Task InitializeAsync() => _web.InitializeAsync();

    public Task DisposeAsync() => _web.DisposeAsync();

    [Fact]
    public async Task AnAlertPostedElsewhereReachesTheSessionThroughTheChangeFeed()
    {
        var account = await _web.CreateAccountAsync("alice");
        var session = await _web.OpenSessionAsync(account);
        using var stop = new CancellationTokenSource();
        var notifier = _web.Provider.GetRequiredService<ChangeNotifier>();
        var running = notifier.RunAsync(await _web.Store.Changes.GetLatestSequenceAsync(WebUserTestContext.Ct), stop.Token);

        await _web.Services.Alerts.PostAsync(account, "Hello", WebUserTestContext.Ct);
        for (var waited = 0; !session.AlertsMayBePending && waited < 100; waited++)
            await Task.Delay(20);

        await stop.CancelAsync();
        await running;
        Assert.True(session.AlertsMayBePending);
    }
}
