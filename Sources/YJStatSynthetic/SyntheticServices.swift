import Foundation
import YJStat

/// The youth justice services of ``SyntheticExtract``: 155 local-authority areas of England and
/// Wales with an id (lower-case slug) and a display name. Several display names contain a comma
/// ("Bristol, City of"), and one a non-ASCII letter, so that extracts carry quoted fields and
/// multi-byte UTF-8.
enum SyntheticServices {
    /// Display names; London boroughs first (they get a more diverse population in the extract).
    static let names: [String] = london + metropolitan + counties + unitaries + wales

    /// The number of London boroughs at the start of ``names``.
    static var londonCount: Int { london.count }

    /// Slugs given explicitly where the display name is in "Place, City of" form.
    static let slugOverrides: [String: String] = [
        "Bristol, City of": "bristol",
        "Herefordshire, County of": "herefordshire",
        "Kingston upon Hull, City of": "kingston-upon-hull",
    ]

    /// The id of a service: lower case, runs of other characters turned into one hyphen,
    /// non-ASCII letters folded to ASCII.
    static func slug(_ name: String) -> String {
        if let fixed = slugOverrides[name] { return fixed }
        var out = ""
        var pendingHyphen = false
        for scalar in name.folding(options: [.diacriticInsensitive], locale: nil).lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    private static let london = [
        "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing", "Enfield",
        "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow",
        "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham",
        "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth",
        "Westminster",
    ]
    private static let metropolitan = [
        "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan",
        "Knowsley", "Liverpool", "St Helens", "Sefton", "Wirral", "Barnsley", "Doncaster", "Rotherham", "Sheffield",
        "Gateshead", "Newcastle upon Tyne", "North Tyneside", "South Tyneside", "Sunderland", "Birmingham", "Coventry",
        "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton", "Bradford", "Calderdale", "Kirklees", "Leeds",
        "Wakefield",
    ]
    private static let counties = [
        "Buckinghamshire", "Cambridgeshire", "Cumbria", "Derbyshire", "Devon", "East Sussex", "Essex",
        "Gloucestershire", "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire",
        "Norfolk", "North Yorkshire", "Northamptonshire", "Nottinghamshire", "Oxfordshire", "Somerset",
        "Staffordshire", "Suffolk", "Surrey", "Warwickshire", "West Sussex", "Worcestershire",
    ]
    private static let unitaries = [
        "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool",
        "Bournemouth, Christchurch and Poole", "Bracknell Forest", "Brighton and Hove", "Bristol, City of",
        "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester", "Cornwall", "Darlington", "Derby",
        "Dorset", "Durham", "East Riding of Yorkshire", "Halton", "Hartlepool", "Herefordshire, County of",
        "Isle of Wight", "Kingston upon Hull, City of", "Leicester", "Luton", "Medway", "Middlesbrough",
        "Milton Keynes", "North East Lincolnshire", "North Lincolnshire", "North Somerset", "Northumberland",
        "Nottingham", "Peterborough", "Plymouth", "Portsmouth", "Reading", "Redcar and Cleveland", "Rutland",
        "Shropshire", "Slough", "South Gloucestershire", "Southampton", "Southend-on-Sea", "Stockton-on-Tees",
        "Stoke-on-Trent", "Swindon", "Telford and Wrekin", "Thurrock", "Torbay", "Warrington", "West Berkshire",
        "Wiltshire", "Windsor and Maidenhead", "Wokingham", "York",
    ]
    private static let wales = [
        "Cardiff", "Swansea", "Newport", "Wrexham", "Gwynedd and Ynys Môn", "Conwy and Denbighshire",
    ]
}
