namespace Assistance.Api.Security;

using System.Globalization;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// <c>dev-id --region 320682 --birth 1985-03-12 [--sex male|female] [--count 5] [--seq 101]</c>: prints valid test ID
/// numbers (GB 11643: region, birth date, sequence whose parity gives the sex, and the ISO 7064 check character), one
/// per line. Like <c>dev-token</c>, a development aid: the numbers are well-formed, not those of real people one
/// would know.
/// </summary>
public static class DevId
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var region = Option("--region") ?? "320682";
        if (region.Length != 6 || !RegionCode.TryParse(region, out _))
        {
            error.WriteLine($"--region '{region}' is not a 6-digit county code.");
            return 2;
        }

        if (!DateOnly.TryParseExact(Option("--birth") ?? "1985-03-12", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error.WriteLine("--birth must be a date YYYY-MM-DD.");
            return 2;
        }

        var sex = (Option("--sex") ?? "male").ToLowerInvariant();
        if (sex is not ("male" or "female"))
        {
            error.WriteLine("--sex must be male or female.");
            return 2;
        }

        var count = int.TryParse(Option("--count"), CultureInfo.InvariantCulture, out var c) && c is > 0 and <= 500 ? c : 1;
        var sequence = int.TryParse(Option("--seq"), CultureInfo.InvariantCulture, out var s) && s is > 0 and < 1000 ? s : 101;
        foreach (var id in Numbers(region, birth, sex == "male", sequence).Take(count))
        {
            output.WriteLine(id);
        }

        return 0;
    }

    /// <summary>Valid ID numbers for that region, birth date and sex, from the given sequence number upwards.</summary>
    public static IEnumerable<string> Numbers(string region, DateOnly birth, bool male, int firstSequence)
    {
        for (var sequence = firstSequence; sequence < 1000; sequence++)
        {
            if (sequence % 2 == 1 == male)
            {
                var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
                yield return first17 + NationalId.CheckCharacterFor(first17);
            }
        }
    }
}
