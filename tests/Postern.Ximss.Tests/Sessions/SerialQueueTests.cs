using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tests.Sessions;

public class SerialQueueTests
{
    [Fact]
    public async Task WorkRunsInQueueOrderEvenWhenEarlierWorkIsSlower()
    {
        var queue = new SerialQueue();
        var order = new List<int>();
        var release = new TaskCompletionSource();

        var first = queue.RunAsync(async () =>
        {
            await release.Task;
            order.Add(1);
        });
        var second = queue.RunAsync(() =>
        {
            order.Add(2);
            return Task.CompletedTask;
        });
        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task AFailingItemFailsItsCallerButNotTheItemsAfterIt()
    {
        var queue = new SerialQueue();

        var failing = queue.RunAsync(() => Task.FromException(new InvalidOperationException("broken")));
        var next = queue.RunAsync(() => Task.FromResult(42));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(42, await next);
    }
}
