namespace Postern.Accounts.Tests;

public class AlertServiceTests : AccountsContext
{
    [Fact]
    public async Task AlertsStayPendingUntilAcknowledgedUpToTheirTime()
    {
        var alice = await CreateAccountAsync();
        var alerts = new AlertService(Store, TimeProvider.System);
        var first = await alerts.PostAsync(alice, "Maintenance tonight", Ct);

        Assert.Equal(["Maintenance tonight"], (await alerts.ListPendingAsync(alice, Ct)).Select(a => a.Text));
        Assert.Equal(1, await alerts.AcknowledgeAsync(alice, first.Posted, Ct));
        Assert.Empty(await alerts.ListPendingAsync(alice, Ct));
    }

    [Fact]
    public async Task EmptyOrOverlongAlertIsRefused()
    {
        var alice = await CreateAccountAsync();
        var alerts = new AlertService(Store, TimeProvider.System);

        await Assert.ThrowsAsync<AccountsException>(() => alerts.PostAsync(alice, " ", Ct));
        await Assert.ThrowsAsync<AccountsException>(() => alerts.PostAsync(alice, new string('x', AccountLimits.MaxAlertLength + 1), Ct));
    }
}
