using System.Text;
using Postern.Mime.Addresses;

namespace Postern.Mime.Tests.Addresses;

public class AddressListTests
{
    private static AddressList Parse(string raw) => AddressList.Parse(Encoding.UTF8.GetBytes(raw));

    [Theory]
    [InlineData("user@example.com", null, "user@example.com")]
    [InlineData("<user@example.com>", null, "user@example.com")]
    [InlineData("Ivan Petrov <ivan@example.com>", "Ivan Petrov", "ivan@example.com")]
    [InlineData("\"Petrov, Ivan\" <ivan@example.com>", "Petrov, Ivan", "ivan@example.com")]
    [InlineData("\"Ivan \\\"the\\\" Great\" <ivan@example.com>", "Ivan \"the\" Great", "ivan@example.com")]
    [InlineData("ivan@example.com (Ivan Petrov)", "Ivan Petrov", "ivan@example.com")]
    [InlineData("nsb (Nathaniel Borenstein)", "Nathaniel Borenstein", "nsb")]
    [InlineData("=?utf-8?B?0JjQstCw0L0=?= <ivan@example.com>", "Иван", "ivan@example.com")]
    [InlineData("\"=?utf-8?B?0JjQstCw0L0=?=\" <ivan@example.com>", "Иван", "ivan@example.com")]
    [InlineData("=?utf-8?Q?a?= =?utf-8?Q?b?= <x@y>", "ab", "x@y")]
    [InlineData("John Q. Public <jqp@example.com>", "John Q. Public", "jqp@example.com")]
    [InlineData("\"john smith\"@example.com", null, "\"john smith\"@example.com")]
    [InlineData("john . smith @ example . com", null, "john.smith@example.com")]
    [InlineData("<@relay1.net,@relay2.net:user@example.com>", null, "user@example.com")]
    [InlineData("user@[192.0.2.1]", null, "user@[192.0.2.1]")]
    [InlineData("Иван <иван@пример.рф>", "Иван", "иван@пример.рф")]
    [InlineData("Ivan <ivan@example.com", "Ivan", "ivan@example.com")]
    [InlineData("abel", null, "abel")]
    [InlineData("Undisclosed recipients", "Undisclosed recipients", "")]
    public void MailboxesAreReadInEveryFormSeenInMail(string raw, string? name, string address)
    {
        var mailbox = Assert.IsType<MailboxAddress>(Assert.Single(Parse(raw)));

        Assert.Equal(name, mailbox.Name);
        Assert.Equal(address, mailbox.Address);
    }

    [Fact]
    public void ListsAreSplitAtCommasOutsideQuotesAndComments()
    {
        var list = Parse("a@x, \"b, c\" <b@x>, d@x (d, e),\r\n\t<f@x>");

        Assert.Equal(["a@x", "b@x", "d@x", "f@x"], list.Mailboxes.Select(m => m.Address));
        Assert.Equal("b, c", list.Mailboxes[1].Name);
    }

    [Fact]
    public void GroupsKeepTheirMembers()
    {
        var list = Parse("Team: a@x, B <b@x>;, c@x, undisclosed-recipients:;");

        Assert.Equal(3, list.Count);
        var team = Assert.IsType<GroupAddress>(list[0]);
        Assert.Equal("Team", team.Name);
        Assert.Equal(["a@x", "b@x"], team.Members.Select(m => m.Address));
        Assert.Empty(Assert.IsType<GroupAddress>(list[2]).Members);
        Assert.Equal(["a@x", "b@x", "c@x"], list.Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void MissingCommaBetweenAddressesLosesNothing()
    {
        Assert.Equal(["a@x", "b@y"], Parse("a@x b@y").Mailboxes.Select(m => m.Address));
    }

    [Fact]
    public void EmptyAndJunkValuesGiveEmptyOrPartialLists()
    {
        Assert.Empty(Parse(""));
        Assert.Empty(Parse(" , ;, "));
        Assert.Equal("x@y", Assert.Single(Parse(">>> <x@y> <<<").Mailboxes).Address);
    }

    [Fact]
    public void IdnDomainsConvertBothWays()
    {
        var unicode = new MailboxAddress(null, "user@пример.рф");
        var ace = new MailboxAddress(null, "user@xn--e1afmkfd.xn--p1ai");

        Assert.Equal("xn--e1afmkfd.xn--p1ai", unicode.AsciiDomain);
        Assert.Equal("пример.рф", ace.UnicodeDomain);
        Assert.True(unicode.HasSameAddress(ace));
    }

    [Fact]
    public void MailboxesPrintAsPeopleWriteThem()
    {
        Assert.Equal("\"Petrov, Ivan\" <ivan@example.com>", new MailboxAddress("Petrov, Ivan", "ivan@example.com").ToString());
        Assert.Equal("\"a b\"@example.com", new MailboxAddress(null, "a b", "example.com").ToString());
    }
}
