namespace Assistance.Application.Households.ImportHouseholds;

using System.Threading.Channels;
using Assistance.Application.Abstractions;
using Assistance.Application.Households.CreateHousehold;
using Assistance.Domain.Common;
using Assistance.Domain.Households;
using Assistance.Domain.Regions;

/// <summary>
/// Registers every household of an NDJSON body or none. Each line goes through what POST /households checks: the
/// same validator (400 naming the field; run only for the lines <see cref="ImportLineFastCheck"/> cannot vouch for)
/// and the Household aggregate with its business rules; R-22 is checked within
/// the file here and against the register by the database, set-based, when the staged rows are written (the unique
/// index on ID numbers, then one query naming the lines). The first refused line stops the writing, but reading
/// goes on so the answer lists up to <see cref="MaxListedErrors"/> lines at once.
/// </summary>
public sealed class ImportHouseholdsHandler(
    IHouseholdImportWriter writer, IAuditLog audit, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ImportHouseholdsCommand, HouseholdImportDto>
{
    public const string EntityType = "HouseholdImport";
    public const int MaxListedErrors = 100;

    public async Task<HouseholdImportDto> Handle(ImportHouseholdsCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = HouseholdRegistration.Now(clock);
        var validator = new CreateHouseholdValidator();
        var errors = new List<ImportLineError>();
        var outOfScope = new List<ImportLineError>();
        var truncated = false;

        // R-22 within the file: the line that first gave each ID number. Keyed by the number's 18 characters packed
        // into a long (17 digits × 11 check characters fits), so a million households cost tens of megabytes.
        var firstLine = new Dictionary<long, int>();
        var households = 0;

        await using var batch = await writer.BeginAsync(user.Scope, cancellationToken).ConfigureAwait(false);

        // Parsing and the per-household checks are independent: a producer runs them on all cores, chunk by chunk,
        // while this loop takes the checked chunks in line order for what depends on order (R-22 within the file,
        // the first error stopping the writes) and streams them into the COPY.
        var checkedChunks = Channel.CreateBounded<Checked[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(request.Body, validator, batch, now, checkedChunks.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var chunk in checkedChunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (line, refused, household, rows) in chunk)
                {
                    if (errors.Count + outOfScope.Count >= MaxListedErrors)
                    {
                        truncated = true;
                        break;
                    }

                    if (refused is not null)
                    {
                        errors.AddRange(refused);
                        continue;
                    }

                    if (!user.Scope.Includes(household!.Region))
                    {
                        outOfScope.Add(new ImportLineError(line, "regionCode", "import.out-of-scope",
                            $"Region {household.Region.Value} is outside your region ({user.Region.Value}); import it from an account of that region."));
                        continue;
                    }

                    var duplicate = false;
                    for (var i = 0; i < household.Members.Count; i++)
                    {
                        var id = household.Members[i].IdNumber;
                        if (!firstLine.TryAdd(Pack(id.Value), line))
                        {
                            duplicate = true;
                            var rule = new PersonBelongsToOneHousehold(id, null, otherHouseholdVisible: false);
                            errors.Add(new ImportLineError(line, $"members[{i}].idNumber", rule.Code,
                                $"ID number {id.Masked} is already given on line {firstLine[Pack(id.Value)]} of this import: one person belongs to one household ({rule.Source})."));
                        }
                    }

                    if (!duplicate && errors.Count == 0 && outOfScope.Count == 0)
                    {
                        await batch.AddAsync(household, rows, cancellationToken).ConfigureAwait(false);
                        households++;
                    }
                }

                if (truncated)
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Stopped on purpose: the listing was full or the loop failed.
            }
        }

        if (outOfScope.Count > 0 && errors.Count == 0)
        {
            throw new HouseholdImportRejectedException(403, "import.out-of-scope",
                $"{outOfScope.Count}{(truncated ? "+" : string.Empty)} line(s) register households outside your region; nothing was imported.", outOfScope, truncated);
        }

        if (errors.Count > 0 || outOfScope.Count > 0)
        {
            var all = errors.Concat(outOfScope).OrderBy(e => e.Line).ToList();
            throw new HouseholdImportRejectedException(400, "import.invalid-lines",
                $"{all.Select(e => e.Line).Distinct().Count()}{(truncated ? "+" : string.Empty)} line(s) are not valid households; nothing was imported.", all, truncated);
        }

        if (households == 0)
        {
            throw new HouseholdImportRejectedException(400, "import.empty", "The body holds no household: send one household object per line.", [], false);
        }

        var outcome = await batch.CompleteAsync(now, MaxListedErrors, cancellationToken).ConfigureAwait(false);
        if (outcome.UnknownRegions.Count > 0)
        {
            throw new HouseholdImportRejectedException(400, "import.invalid-lines", "Some region codes are not in the region register; nothing was imported.",
                outcome.UnknownRegions.Select(u => new ImportLineError(u.Line, "regionCode", "validation.failed", $"Region '{u.RegionCode}' is not in the region register.")).ToList(),
                outcome.UnknownRegions.Count >= MaxListedErrors);
        }

        if (outcome.Holders.Count > 0)
        {
            RefuseHeldIdNumbers(outcome.Holders);
        }

        var importId = Guid.CreateVersion7();
        var result = new HouseholdImportDto(importId, outcome.Households, outcome.Members, outcome.Incomes, request.ContentSha256, now);
        await audit.RecordAsync(
            new AuditEntry(EntityType, importId.ToString(), "Imported", user.Region, null,
                new { result.Households, result.Members, result.Incomes, result.ContentSha256, request.ContentLength }, null),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task ProduceAsync(
        IHouseholdImportBody body, CreateHouseholdValidator validator, IHouseholdImportBatch batch, DateTimeOffset now, ChannelWriter<Checked[]> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var lines in body.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var chunk = new Checked[lines.Count];
                Parallel.For(0, lines.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    // The staging rows are encoded here too, on all cores; a line that is not staged after all
                    // (out of scope, a repeated ID number, an earlier error) only wasted its encoding.
                    var refused = Check(lines[i], validator, now, out var household);
                    chunk[i] = new Checked(lines[i].Number, refused, household, household is null ? default : batch.Encode(household, lines[i].Number));
                });
                await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>The line's problems as line errors, or null and the checked aggregate.</summary>
    private static List<ImportLineError>? Check(ImportLine line, CreateHouseholdValidator validator, DateTimeOffset now, out Household? household)
    {
        household = null;
        if (line.Household is null)
        {
            return [new ImportLineError(line.Number, "line", "request.malformed-json", line.Error ?? "The line is not a household object.")];
        }

        var input = line.Household;
        NationalId[] idNumbers;
        if (!ImportLineFastCheck.IsCertainlyValid(input, out idNumbers))
        {
            // Only the lines the fast check refuses pay for FluentValidation; it words the errors as POST /households
            // does. A line it accepts after all (the fast check is conservative) goes on to the aggregate.
            var result = validator.Validate(CreateHouseholdCommand.From(input));
            if (!result.IsValid)
            {
                return result.Errors.Select(e => new ImportLineError(line.Number, JsonPath(e.PropertyName), "validation.failed", e.ErrorMessage))
                    .DistinctBy(e => (e.Field, e.Message)).ToList();
            }

            idNumbers = [];
        }

        try
        {
            var inputs = input.Members!;
            var members = new List<(Guid Id, MemberDetails Details)>(inputs.Count);
            for (var i = 0; i < inputs.Count; i++)
            {
                // The fast check parsed each number and checked the stated birth date and sex against it, which is
                // all ResolveIdNumber does for a new member's full number.
                var id = idNumbers.Length > 0 ? idNumbers[i] : inputs[i].ResolveIdNumber(null, $"members[{i}].");
                members.Add((Guid.CreateVersion7(), inputs[i].ToDetails(id)));
            }

            household = Household.Register(
                Guid.CreateVersion7(),
                RegionCode.Parse(input.RegionCode),
                input.Residence!.Value,
                input.Address!.Trim(),
                input.Assets.ToAssets(),
                HouseholdMapping.Money(input.MonthlyRigidExpenditure ?? 0m),
                members,
                now);
            return null;
        }
        catch (DomainValidationException ex)
        {
            return [new ImportLineError(line.Number, ex.Field, "validation.failed", ex.Message)];
        }
        catch (BusinessRuleViolationException ex)
        {
            return [new ImportLineError(line.Number, "line", ex.Code, ex.RuleId is null ? ex.Message : $"{ex.Message} ({ex.RuleId})")];
        }
    }

    /// <summary>
    /// R-22 against the register. A holder outside the caller's region is the enumeration oracle POST /households
    /// guards: it goes the same way (rate-limited, audited, worded without the other household).
    /// </summary>
    private void RefuseHeldIdNumbers(IReadOnlyList<ImportedIdNumberHolder> holders)
    {
        var foreign = holders.FirstOrDefault(h => !user.Scope.Includes(h.Holder.Region));
        if (foreign is not null)
        {
            var id = NationalId.Parse(foreign.Holder.IdNumber);
            throw new ForeignHolderConflictException(new PersonBelongsToOneHousehold(id, foreign.Holder.HouseholdId, otherHouseholdVisible: false), id.Masked, foreign.Holder.Region);
        }

        var lines = holders.Select(h =>
        {
            var rule = new PersonBelongsToOneHousehold(NationalId.Parse(h.Holder.IdNumber), h.Holder.HouseholdId, otherHouseholdVisible: true);
            return new ImportLineError(h.Line, "members", rule.Code, $"{rule.Message} ({rule.Source})");
        }).ToList();
        throw new HouseholdImportRejectedException(409, "import.id-number-conflicts",
            $"{lines.Count} ID number(s) of this import are registered in other households (R-22); nothing was imported.", lines, lines.Count >= MaxListedErrors);
    }

    private static long Pack(string idNumber)
    {
        long value = 0;
        for (var i = 0; i < 17; i++)
        {
            value = (value * 10) + (idNumber[i] - '0');
        }

        return (value * 11) + (idNumber[17] is 'X' or 'x' ? 10 : idNumber[17] - '0');
    }

    private readonly record struct Checked(int Line, List<ImportLineError>? Refused, Household? Household, ReadOnlyMemory<byte> Rows);

    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
