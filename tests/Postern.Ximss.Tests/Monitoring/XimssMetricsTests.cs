using Postern.Testing;
using Postern.Ximss.Monitoring;

namespace Postern.Ximss.Tests.Monitoring;

public class XimssMetricsTests
{
    [Fact]
    public void TheOperationRateIsTheAverageOfTheLastWholeSeconds()
    {
        var clock = new ManualTimeProvider();
        using var metrics = new XimssMetrics(clock);
        for (var second = 0; second < 9; second++)
        {
            for (var i = 0; i < 10; i++)
                metrics.OperationRun("noop");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(10, metrics.OperationsPerSecond);
        Assert.Equal(90, metrics.Operations);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, metrics.OperationsPerSecond);
    }

    [Fact]
    public void SessionsAndChannelsCountUpAndDown()
    {
        using var metrics = new XimssMetrics(TimeProvider.System);
        metrics.ChannelOpened();
        metrics.SessionStarted();
        metrics.LoginFailed();
        metrics.SessionEnded();

        Assert.Equal((1, 0, 1L, 1L), (metrics.Channels, metrics.Sessions, metrics.Logins, metrics.LoginFailures));
    }
}
