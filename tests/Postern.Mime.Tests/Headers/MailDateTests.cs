using System.Text;
using Postern.Mime.Headers;

namespace Postern.Mime.Tests.Headers;

public class MailDateTests
{
    [Theory]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    [InlineData("1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    [InlineData("Tue, 01 Jul 2003 10:52 -0800", "2003-07-01T10:52:00-08:00")]
    [InlineData("Thu, 19 Sep 91 12:41:43 EDT", "1991-09-19T12:41:43-04:00")]
    [InlineData("Thu, 19 Sep 49 12:41:43 GMT", "2049-09-19T12:41:43+00:00")]
    [InlineData("Thu, 19 Sep 103 12:41:43 UT", "2003-09-19T12:41:43+00:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200 (CEST)", "2003-07-01T10:52:37+02:00")]
    [InlineData("Tue Jul  1 10:52:37 2003", "2003-07-01T10:52:37+00:00")]
    [InlineData("1-Jul-2003 10:52:37 PST", "2003-07-01T10:52:37-08:00")]
    [InlineData("2003-07-01T10:52:37Z", "2003-07-01T10:52:37+00:00")]
    [InlineData("2003-07-01 10:52:37 +05:30", "2003-07-01T10:52:37+05:30")]
    [InlineData("Tuesday, July 1, 2003 10:52:37 PM +0000", "2003-07-01T22:52:37+00:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 Z", "2003-07-01T10:52:37+00:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 M", "2003-07-01T10:52:37+00:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +9900", "2003-07-01T10:52:37+00:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37", "2003-07-01T10:52:37+00:00")]
    [InlineData("tue, 1 JUL 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    public void DatesInStandardAndObsoleteFormsAreRead(string value, string expected)
    {
        Assert.True(MailDate.TryParse(Encoding.ASCII.GetBytes(value), out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("31 Feb 2003 10:00:00 +0000")]
    [InlineData("1 Jul 2003 25:00:00 +0000")]
    public void ImpossibleDatesAreRejected(string value) => Assert.False(MailDate.TryParse(Encoding.ASCII.GetBytes(value), out _));

    [Fact]
    public void DatesAreWrittenAsRfc5322Asks() =>
        Assert.Equal("Tue, 1 Jul 2003 10:52:37 -0230",
            MailDate.Format(new DateTimeOffset(2003, 7, 1, 10, 52, 37, TimeSpan.FromMinutes(-150))));

    [Fact]
    public void WrittenDatesReadBack()
    {
        var date = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(9));

        Assert.True(MailDate.TryParse(Encoding.ASCII.GetBytes(MailDate.Format(date)), out var read));
        Assert.Equal(date, read);
    }
}
