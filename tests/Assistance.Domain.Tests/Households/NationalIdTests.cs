namespace Assistance.Domain.Tests.Households;

using System.Globalization;
using Assistance.Domain.Common;
using Assistance.Domain.Households;

/// <summary>GB 11643 citizen ID numbers: checksum, positions, birth date and sex.</summary>
public class NationalIdTests
{
    private static string Valid(string first17) => first17 + NationalId.CheckCharacterFor(first17);

    /// <summary>The check character computed independently of the production code (ISO 7064 MOD 11-2).</summary>
    private static char Mod112(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (int)(Math.Pow(2, 17 - i) % 11);
            sum += (first17[i] - '0') * weight;
        }

        return "10X98765432"[sum % 11];
    }

    [TestCase("11010519491231002")]
    [TestCase("32068219500101001")]
    [TestCase("44052418800101001")]
    [TestCase("46900120000229002")]
    public void CheckCharacterFor_WhenComputed_MatchesIso7064Mod112(string first17)
    {
        Assert.That(NationalId.CheckCharacterFor(first17), Is.EqualTo(Mod112(first17)));
    }

    [Test]
    public void Parse_WhenPublishedSampleWithXCheck_IsValid()
    {
        // GB 11643 sample number; its check character is X.
        var id = NationalId.Parse("11010519491231002X");

        Assert.That(id.BirthDate, Is.EqualTo(new DateOnly(1949, 12, 31)));
        Assert.That(id.Sex, Is.EqualTo(Sex.Female));
    }

    [Test]
    public void Parse_WhenLowercaseX_IsAccepted()
    {
        Assert.That(NationalId.Parse("11010519491231002x").Value, Does.EndWith("X"));
    }

    [TestCase(1, Sex.Male)]
    [TestCase(2, Sex.Female)]
    [TestCase(999, Sex.Male)]
    [TestCase(998, Sex.Female)]
    public void Parse_WhenSequenceOddOrEven_GivesSex(int sequence, Sex expected)
    {
        var id = NationalId.Parse(Valid("32068219500101" + sequence.ToString("000", CultureInfo.InvariantCulture)));

        Assert.That(id.Sex, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_WhenValid_GivesBirthDateAndAddressCode()
    {
        var id = NationalId.Parse(Valid("32068219500101001"));

        Assert.That(id.BirthDate, Is.EqualTo(new DateOnly(1950, 1, 1)));
        Assert.That(id.AddressCode, Is.EqualTo("320682"));
    }

    [Test]
    public void Parse_WhenCheckCharacterWrong_NamesCharacter18AndTheExpectedValue()
    {
        var valid = Valid("32068219500101001");
        var wrong = valid[..17] + (valid[17] == '1' ? '2' : '1');

        var error = Assert.Throws<DomainValidationException>(() => NationalId.Parse(wrong, "members[0].idNumber"));

        Assert.That(error!.Field, Is.EqualTo("members[0].idNumber"));
        Assert.That(error.Message, Does.Contain("Character 18").And.Contain(valid[17].ToString()));
    }

    [Test]
    public void Parse_WhenEachOfTheFirst17CharactersIsNotADigit_NamesThatPosition()
    {
        var valid = Valid("32068219500101001");
        for (var position = 1; position <= 17; position++)
        {
            var broken = valid[..(position - 1)] + "A" + valid[position..];

            var error = Assert.Throws<DomainValidationException>(() => NationalId.Parse(broken));

            Assert.That(error!.Message, Does.StartWith($"Character {position} "));
        }
    }

    [TestCase("1")]
    [TestCase("32068219500101001")]
    [TestCase("3206821950010100111")]
    public void Parse_WhenNot18Characters_SaysSo(string text)
    {
        var error = Assert.Throws<DomainValidationException>(() => NationalId.Parse(text));
        Assert.That(error!.Message, Does.Contain("18 characters"));
    }

    [TestCase("320682195002300010")]
    [TestCase("320682189912310010")]
    [TestCase("320682195013010010")]
    public void Parse_WhenBirthDateImpossible_NamesCharacters7To14(string text)
    {
        var error = Assert.Throws<DomainValidationException>(() => NationalId.Parse(text));
        Assert.That(error!.Message, Does.Contain("Characters 7-14"));
    }

    [Test]
    public void Parse_WhenLeapDayInLeapYear_IsValid()
    {
        Assert.That(NationalId.Parse(Valid("46900120000229002")).BirthDate, Is.EqualTo(new DateOnly(2000, 2, 29)));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Parse_WhenMissing_SaysRequired(string? text)
    {
        Assert.That(Assert.Throws<DomainValidationException>(() => NationalId.Parse(text))!.Message, Does.Contain("required"));
    }

    [Test]
    public void Masked_WhenShown_HidesTheBirthDate()
    {
        var id = NationalId.Parse(Valid("32068219500101001"));

        Assert.That(id.Masked, Is.EqualTo("320682********" + id.Value[14..]));
        Assert.That(id.ToString(), Is.EqualTo(id.Masked));
    }

    [TestCase("", false)]
    [TestCase("no digits at all", false)]
    [TestCase("1234567890123456", false)] // 16 digits
    [TestCase("12345678901234567", true)] // exactly 17, whole text
    [TestCase("id 12345678901234567", true)] // 17 at the end
    [TestCase("12345678901234567 and more", true)] // 17 at the start
    [TestCase("a 1234567890123456 b 1234567890123456 c", false)] // two runs of 16 never add up
    [TestCase("amount 1234.56, income 300.00 of 12 months", false)]
    [TestCase("320682195001010012", true)] // 18 digits
    [TestCase("１２３４５６７８９０１２３４５６７８", false)] // full-width digits are not ASCII digits
    public void MayContainIdNumber_FindsAnyRunOf17AsciiDigits(string text, bool expected)
    {
        Assert.That(NationalId.MayContainIdNumber(text), Is.EqualTo(expected));
        Assert.That(NationalId.MayContainIdNumber(text), Is.EqualTo(ReferenceRun(text)), "agrees with a char-by-char count");
    }

    private static bool ReferenceRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            if (run == 17)
            {
                return true;
            }
        }

        return false;
    }
}
