package validate

// CountryData names the data the country tables were generated from.
const CountryData = countryData
